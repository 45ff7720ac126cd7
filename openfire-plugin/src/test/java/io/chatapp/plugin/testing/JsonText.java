package io.chatapp.plugin.testing;

/** JSON written by hand in tests, for inputs no JSON library would write (the fuzz tests' made-up objects). */
public final class JsonText {

    private JsonText() {
    }

    /** A JSON string literal; characters JSON forbids raw are escaped, everything else is left as it is. */
    public static String quoted(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
