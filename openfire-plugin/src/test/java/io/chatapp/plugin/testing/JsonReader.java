package io.chatapp.plugin.testing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Strict JSON reading for tests, with Jackson: objects become {@link java.util.LinkedHashMap}, arrays
 * {@link java.util.ArrayList}, every number a {@link BigDecimal} (so a test sees the number written, not a Java
 * type chosen for it). Anything that is not valid JSON (RFC 8259) is rejected, duplicate keys and trailing text
 * included, so tests can check that what the plugin writes is well-formed and not only that it contains the
 * expected text.
 */
public final class JsonReader {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .registerModule(new SimpleModule().addDeserializer(Number.class, new DecimalNumbers()));

    private JsonReader() {
    }

    public static Object read(String text) {
        try {
            return STRICT.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid JSON: " + e.getOriginalMessage() + " in " + text, e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> readObject(String text) {
        Object value = read(text);
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("Not a JSON object: " + text);
        }
        return (Map<String, Object>) value;
    }

    /** Read in place of Jackson's choice of Integer, Long or Double wherever an untyped value is a number. */
    private static final class DecimalNumbers extends StdDeserializer<Number> {

        DecimalNumbers() {
            super(Number.class);
        }

        @Override
        public Number deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return parser.getDecimalValue();
        }
    }
}
