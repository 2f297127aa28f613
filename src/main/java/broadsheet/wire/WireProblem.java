package broadsheet.wire;

/**
 * What is wrong with one wire item, naming the ninjs field ({@code headlines},
 * {@code associations[0].renditions}) so the sender can fix it.
 */
public final class WireProblem extends Exception {

    private final String field;

    public WireProblem(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
