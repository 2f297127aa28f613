package broadsheet.accounts;

/**
 * Slows password guessing: after 5 failures for one account, or 20 from one address, within
 * 15 minutes, further attempts are refused until the window passes. Shared by all app nodes.
 */
final class SignInThrottle {

    static final int PER_ACCOUNT = 5;
    static final int PER_ADDRESS = 20;
    static final int WINDOW_MINUTES = 15;

    private final SignInFailureDao failures;

    SignInThrottle(SignInFailureDao failures) {
        this.failures = failures;
    }

    boolean allowed(String email, String address) {
        return failures.recent("account:" + email, WINDOW_MINUTES) < PER_ACCOUNT
                && failures.recent("address:" + address, WINDOW_MINUTES) < PER_ADDRESS;
    }

    void failed(String email, String address) {
        failures.add("account:" + email, "address:" + address);
    }

    void succeeded(String email) {
        failures.clear("account:" + email);
    }
}
