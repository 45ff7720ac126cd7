package io.chatapp.cli;

/** Turns what a user types as an address into a bare JID. */
public final class Jids {

    private Jids() {
    }

    /**
     * {@code bob} becomes {@code bob@domain}; {@code bob@example.org} stays as it is. Surrounding spaces are
     * ignored. Fails with a usage error for an empty name, an address with a device ({@code /resource}) or spaces.
     */
    public static String toBareJid(String user, String domain) {
        String value = user == null ? "" : user.strip();
        if (value.isEmpty()) {
            throw CliException.usage("the user name is empty");
        }
        if (value.chars().anyMatch(Character::isWhitespace)) {
            throw CliException.usage("'" + value + "' is not a user name or address: it contains spaces");
        }
        if (value.contains("/")) {
            throw CliException.usage("'" + value + "' is not a bare address: leave out the '/device' part");
        }
        int at = value.indexOf('@');
        if (at < 0) {
            return value + "@" + domain;
        }
        if (at == 0 || at == value.length() - 1 || value.indexOf('@', at + 1) >= 0) {
            throw CliException.usage("'" + value + "' is not a user name or an address like bob@" + domain);
        }
        return value;
    }

    /** The user name part of an address: {@code bob} for {@code bob@example.org}. */
    public static String localpart(String jid) {
        int at = jid.indexOf('@');
        return at < 0 ? jid : jid.substring(0, at);
    }
}
