package broadsheet.subscriptions;

import java.util.Locale;

/** Something a reader can subscribe to: a price per month or per year. */
public record Plan(
        long id,
        String slug,
        String name,
        String interval,
        int priceCents,
        String currency,
        String stripePriceId,
        boolean active) {

    /** "$9.00 a month". */
    public String priceLabel() {
        String symbol = switch (currency) {
            case "usd" -> "$";
            case "gbp" -> "£";
            case "eur" -> "€";
            default -> currency.toUpperCase(Locale.ROOT) + " ";
        };
        return symbol + "%d.%02d".formatted(priceCents / 100, priceCents % 100) + " a " + interval;
    }

    /** True when a reader can pay for it through Stripe Checkout. */
    public boolean payableOnline() {
        return stripePriceId != null && !stripePriceId.isBlank();
    }

    public String intervalLabel() {
        return "year".equals(interval) ? "annual" : "monthly";
    }
}
