package broadsheet.newsroom.photos;

import broadsheet.web.Form;

/** What readers are told about a photo, as typed (trimmed). Form fields: caption, credit, altText. */
record Words(String caption, String credit, String altText) {

    static final java.util.List<String> FIELDS = java.util.List.of("caption", "credit", "altText");

    static Words of(Form form) {
        return new Words(
                form.raw("caption").strip(),
                form.raw("credit").strip(),
                form.raw("altText").strip());
    }

    /**
     * These words with each empty one taken from what the file carried (its IPTC/XMP description,
     * credit and alt text): what the person typed always wins.
     */
    Words orFrom(broadsheet.media.Embedded e) {
        return new Words(
                caption.isEmpty() ? e.description() : caption,
                credit.isEmpty() ? e.credit() : credit,
                altText.isEmpty() ? e.altText() : altText);
    }

    /** The fields (form names) that differ from {@code typed}: the ones the file filled in. */
    java.util.List<String> filledBeyond(Words typed) {
        java.util.List<String> f = new java.util.ArrayList<>(3);
        if (!caption.equals(typed.caption)) f.add("caption");
        if (!credit.equals(typed.credit)) f.add("credit");
        if (!altText.equals(typed.altText)) f.add("altText");
        return f;
    }

    /** Adds an error to the form for each field that is too long. Empty fields are allowed here. */
    Form checkLengths(Form form) {
        if (caption.length() > PhotoRules.MAX_CAPTION) {
            form.error(
                    "caption",
                    "The caption is " + caption.length() + " characters long; keep it to " + PhotoRules.MAX_CAPTION
                            + ".");
        }
        if (credit.length() > PhotoRules.MAX_CREDIT) {
            form.error(
                    "credit",
                    "The credit is " + credit.length() + " characters long; keep it to " + PhotoRules.MAX_CREDIT + ".");
        }
        if (altText.length() > PhotoRules.MAX_ALT_TEXT) {
            form.error(
                    "altText",
                    "The alt text is " + altText.length() + " characters long; keep it to " + PhotoRules.MAX_ALT_TEXT
                            + ". Describe what is in the photo; the caption says the rest.");
        }
        if (caption.indexOf('\0') >= 0 || credit.indexOf('\0') >= 0 || altText.indexOf('\0') >= 0) {
            form.error("caption", "The text contains a character that cannot be stored. Retype it.");
        }
        return form;
    }

    /** Adds an error for each empty field (when readers can already see the photo). */
    Form requireAll(Form form) {
        if (caption.isEmpty())
            form.error("caption", "Enter a caption: this photo is in a published or scheduled article.");
        if (credit.isEmpty())
            form.error("credit", "Enter a credit: this photo is in a published or scheduled article.");
        if (altText.isEmpty())
            form.error("altText", "Enter alt text: this photo is in a published or scheduled article.");
        return form;
    }
}
