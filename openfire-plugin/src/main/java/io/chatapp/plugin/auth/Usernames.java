package io.chatapp.plugin.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * One spelling per account. XMPP user names are case-insensitive (nodeprep), and a client may send
 * {@code alice@domain}; Openfire's password check folds both, but its lockout check compares the name as given.
 * So every name is brought to this canonical form before anything else sees it, and tokens carry only that.
 */
public final class Usernames {

    private static final int MAX_LENGTH = 64;

    private Usernames() {
    }

    /** The canonical user name, or empty when the input cannot name an account of this domain. */
    public static Optional<String> canonical(String input, String domain) {
        if (input == null) {
            return Optional.empty();
        }
        String name = input;
        int at = name.indexOf('@');
        if (at >= 0) {
            if (!name.substring(at + 1).equalsIgnoreCase(domain)) {
                return Optional.empty();
            }
            name = name.substring(0, at);
        }
        name = name.toLowerCase(Locale.ROOT);
        if (name.isEmpty() || name.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            // Characters RFC 7622 forbids in a localpart, plus whitespace and controls.
            if (Character.isWhitespace(c) || Character.isISOControl(c) || "\"&'/:<>@".indexOf(c) >= 0) {
                return Optional.empty();
            }
        }
        return Optional.of(name);
    }

    /**
     * The key failed logins are counted under: the canonical name, or, for a name no account can have, the raw
     * spelling (so such names are locked like unknown accounts rather than passing unnoticed).
     */
    static String lockoutKey(String input, String domain) {
        return canonical(input, domain).orElseGet(() -> forLog(input));
    }

    /** A user-supplied name made safe for one log line: no line breaks or controls, bounded length. */
    static String forLog(String input) {
        if (input == null) {
            return "(none)";
        }
        StringBuilder safe = new StringBuilder();
        for (int i = 0; i < input.length() && safe.length() < MAX_LENGTH; i++) {
            char c = input.charAt(i);
            safe.append(Character.isISOControl(c) ? '?' : c);
        }
        return input.length() > MAX_LENGTH ? safe + "…" : safe.toString();
    }
}
