package io.chatapp.client;

/**
 * Text that XML 1.0 can carry. A message with, say, an ESC character would make the server close the stream and the
 * message would be lost; it is refused up front instead.
 */
final class XmlText {

    private XmlText() {
    }

    static void requireSendable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a well-formed pair: a character outside the BMP, e.g. an emoji
            } else if (!allowed(c)) {
                throw new ChatClientException(ChatClientException.Reason.INVALID_INPUT, String.format(
                        "The text contains a character that cannot be sent (U+%04X at position %d)", (int) c, i));
            }
        }
    }

    private static boolean allowed(char c) {
        return c == '\t' || c == '\n' || c == '\r'
                || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD;
    }
}
