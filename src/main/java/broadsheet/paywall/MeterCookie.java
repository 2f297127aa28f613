package broadsheet.paywall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The meter of a reader who is not signed in, kept in their browser: which subscriber articles
 * they read on the meter and when, as {@code id:epochSeconds-id:epochSeconds.<signature>}. The
 * signature covers the list, so a changed, truncated or made-up cookie is refused; the meter then
 * counts as used up (a reader can always clear cookies, but never grant themselves reads).
 */
final class MeterCookie {

    static final String NAME = "bs_meter";
    private static final Pattern PAYLOAD = Pattern.compile("^(\\d{1,18}:\\d{1,12}(-\\d{1,18}:\\d{1,12})*)?$");
    private static final int MAX_LENGTH = 3000;

    record Read(long articleId, long at) {}

    /** What the cookie says; {@code forged} when it was there but not ours. */
    record State(List<Read> reads, boolean forged) {}

    private MeterCookie() {}

    static State decode(String value, Signer signer) {
        if (value == null || value.isEmpty()) return new State(List.of(), false);
        int dot = value.lastIndexOf('.');
        if (value.length() > MAX_LENGTH || dot < 0) return new State(List.of(), true);
        String payload = value.substring(0, dot);
        if (!PAYLOAD.matcher(payload).matches() || !signer.verify(text(payload), value.substring(dot + 1))) {
            return new State(List.of(), true);
        }
        List<Read> reads = new ArrayList<>();
        if (!payload.isEmpty()) {
            for (String entry : payload.split("-")) {
                int colon = entry.indexOf(':');
                reads.add(new Read(
                        Long.parseLong(entry.substring(0, colon)), Long.parseLong(entry.substring(colon + 1))));
            }
        }
        return new State(reads, false);
    }

    static String encode(List<Read> reads, Signer signer) {
        StringBuilder payload = new StringBuilder();
        for (Read r : reads) {
            if (!payload.isEmpty()) payload.append('-');
            payload.append(r.articleId()).append(':').append(r.at());
        }
        return payload + "." + signer.sign(text(payload.toString()));
    }

    /** Only reads still inside the window count. */
    static List<Read> recent(List<Read> reads, Instant now) {
        long from = now.minus(Meter.WINDOW).getEpochSecond();
        return reads.stream()
                .filter(r -> r.at() > from && r.at() <= now.getEpochSecond() + 300)
                .toList();
    }

    /** What is signed: the purpose is part of it, so no other signed value of ours passes as a meter. */
    private static String text(String payload) {
        return "meter:" + payload;
    }
}
