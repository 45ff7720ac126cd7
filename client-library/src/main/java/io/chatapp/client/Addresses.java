package io.chatapp.client;

/** Normalises what a user types as an address: "bob" means bob on our own domain. */
final class Addresses {

    private Addresses() {
    }

    /**
     * The bare address {@code local@domain} for a user name or bare address; rejects full addresses (with a
     * resource), empty parts and stray characters, which the XMPP address library would otherwise let through.
     */
    static String bare(String address, String defaultDomain) {
        if (address == null || address.isBlank()) {
            throw invalid(address, "it is empty");
        }
        String trimmed = address.strip();
        if (trimmed.chars().anyMatch(Character::isWhitespace) || trimmed.indexOf('/') >= 0) {
            throw invalid(address, "it contains spaces or a '/'");
        }
        int at = trimmed.indexOf('@');
        if (at < 0) {
            return trimmed + "@" + defaultDomain;
        }
        if (at == 0 || at == trimmed.length() - 1 || trimmed.indexOf('@', at + 1) >= 0) {
            throw invalid(address, "it must look like name@domain");
        }
        return trimmed;
    }

    private static ChatClientException invalid(String address, String why) {
        return new ChatClientException(ChatClientException.Reason.INVALID_INPUT,
                "Invalid address '" + address + "': " + why);
    }
}
