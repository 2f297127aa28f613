package broadsheet.accounts;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/** Argon2id password hashes (OWASP's minimum: 19 MiB, 2 iterations, 1 lane), in PHC string form. */
public final class Passwords {

    static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID, 19);

    /**
     * Argon2id at 64 KiB and one iteration: for the test suite only, which hashes some hundreds of
     * passwords (every signed-in test client) at 0.15 s of CPU each with {@link #ARGON2ID}.
     */
    private static final Argon2Function TESTS_ONLY = Argon2Function.getInstance(64, 1, 1, 32, Argon2.ID, 19);

    private static volatile Argon2Function hashing = ARGON2ID;
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 256;

    private Passwords() {}

    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(hashing).getResult();
    }

    /**
     * New hashes from now on in this JVM are made with cheap parameters. Called by the test harness
     * (testing/TestDb) and nothing else: the product always hashes with {@link #ARGON2ID}. Checking needs
     * no switch, since a PHC string names its own parameters.
     */
    public static void useCheapParametersInTests() {
        hashing = TESTS_ONLY;
    }

    public static boolean matches(String password, String hash) {
        if (password == null || hash == null || !hash.startsWith("$argon2id$")) return false;
        return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    }

    /** A sentence saying what is wrong with a new password, or null when it will do. */
    public static String problem(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) return "Use at least " + MIN_LENGTH + " characters.";
        if (password.length() > MAX_LENGTH) return "Use at most " + MAX_LENGTH + " characters.";
        if (email != null && password.equalsIgnoreCase(email)) return "Do not use your email address as your password.";
        if (password.chars().distinct().count() < 4) return "Use a password with more different characters.";
        return null;
    }
}
