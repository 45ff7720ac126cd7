package io.chatapp.plugin.accounts;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which names new accounts may take. Stricter than XMPP's nodeprep on purpose, so every name is valid in any client
 * and cannot imitate another: 1 to {@link #MAX_LENGTH} characters from {@code a-z 0-9 . _ -}, starting and ending
 * with a letter or digit, no two punctuation characters in a row. Upper case is folded to lower case (XMPP names are
 * case-insensitive). A few role names (RFC 2142 mailboxes, server roles) are reserved.
 */
public final class UsernamePolicy {

    public static final int MAX_LENGTH = 64;
    /** The refusal of a name another account has (HTTP and in-band registration). */
    public static final String TAKEN = "This user name is taken.";
    private static final String ONLY_ALLOWED = "The user name may contain only letters a-z, digits and . _ -";
    private static final Set<String> RESERVED = Set.of("admin", "administrator", "root", "postmaster", "hostmaster",
            "webmaster", "abuse", "security", "support", "noreply", "no-reply", "system", "server");

    private UsernamePolicy() {
    }

    /** The name as it will be stored (lower case), or a problem. */
    public static Result check(String requested) {
        if (requested == null || requested.isEmpty()) {
            return Result.problem("The user name is required.");
        }
        if (!requested.chars().allMatch(c -> c < 0x80)) {
            // Checked before folding: some characters lower-case into ASCII (KELVIN SIGN becomes k).
            return Result.problem(ONLY_ALLOWED);
        }
        String name = requested.toLowerCase(Locale.ROOT);
        if (name.length() > MAX_LENGTH) {
            return Result.problem("The user name must have at most " + MAX_LENGTH + " characters.");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            boolean punctuation = c == '.' || c == '_' || c == '-';
            if (!alphanumeric && !punctuation) {
                return Result.problem(ONLY_ALLOWED);
            }
            if (punctuation && (i == 0 || i == name.length() - 1 || !isAlphanumeric(name.charAt(i - 1)))) {
                return Result.problem("The user name must start and end with a letter or digit, and may not have"
                        + " two of . _ - in a row.");
            }
        }
        if (RESERVED.contains(name)) {
            return Result.problem("This user name is reserved.");
        }
        return new Result(Optional.of(name), Optional.empty());
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** Either the accepted name or why it was refused. */
    public record Result(Optional<String> username, Optional<String> problem) {

        static Result problem(String message) {
            return new Result(Optional.empty(), Optional.of(message));
        }
    }
}
