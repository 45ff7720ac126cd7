package io.chatapp.cli;

/**
 * Checks a message before it is sent. XMPP is XML, which cannot carry most control characters: a message with one
 * would make the server close the connection, and the message would be lost without an error.
 */
public final class MessageText {

    private MessageText() {
    }

    /** The text, if it can be sent; otherwise a usage error saying why. */
    public static String requireSendable(String text) {
        if (text == null || text.isBlank()) {
            throw CliException.usage("the message is empty");
        }
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!allowedInXml(c)) {
                throw CliException.usage("the message contains the character U+"
                        + String.format("%04X", c) + ", which cannot be sent");
            }
            i += Character.charCount(c);
        }
        return text;
    }

    /** The characters XML 1.0 allows. A lone surrogate comes out of codePointAt as itself and is refused. */
    static boolean allowedInXml(int c) {
        return c == 0x9 || c == 0xA || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
