package io.chatapp.plugin.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.BeanSerializerFactory;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.util.Map;

/**
 * Writes the API's JSON bodies with Jackson, through one mapper configured once (an {@link ObjectMapper} is
 * thread-safe once set up). Bodies are built from maps, lists, strings, numbers, booleans and null, and written
 * exactly as built: map entries in iteration order, nulls as {@code null}, numbers bare. The wire format the API
 * has always had is kept: {@code \n \r \t} escape shortly, every other control character as a six-character
 * escape in lower-case hex, U+2028 and U+2029 are escaped (they end a line in JavaScript), a non-finite number is
 * {@code null}, and any other value (an {@code Instant}, an enum) is its {@code toString()}.
 */
public final class Json {

    private static final ObjectMapper MAPPER = mapper();

    private Json() {
    }

    /**
     * The value as JSON text. Text, not bytes: with custom escapes Jackson's UTF-8 writer turns an emoji into a
     * pair of surrogate escapes, where its character writer leaves it alone.
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not writable as JSON: " + value.getClass().getName(), e);
        }
    }

    private static ObjectMapper mapper() {
        JsonFactory factory = new JsonFactoryBuilder()
                .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
                .characterEscapes(new ApiEscapes())
                .build();
        ObjectMapper mapper = new ObjectMapper(factory);
        mapper.setSerializerFactory(BeanSerializerFactory.instance.withAdditionalSerializers(new ApiValues()));
        return mapper;
    }

    /** JSON's standard escapes, except that backspace and form feed take the six-character form, plus U+2028/U+2029. */
    private static final class ApiEscapes extends CharacterEscapes {

        private static final int[] ASCII = asciiEscapes();
        private static final SerializableString LINE_SEPARATOR = new SerializedString("\\u2028");
        private static final SerializableString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

        private static int[] asciiEscapes() {
            int[] escapes = standardAsciiEscapesForJSON();
            escapes['\b'] = ESCAPE_STANDARD;
            escapes['\f'] = ESCAPE_STANDARD;
            return escapes;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return switch (ch) {
                case 0x2028 -> LINE_SEPARATOR;
                case 0x2029 -> PARAGRAPH_SEPARATOR;
                default -> null;
            };
        }
    }

    /** Jackson's own serializers for JSON's types; non-finite floating point as null; anything else as text. */
    private static final class ApiValues extends Serializers.Base {

        @Override
        public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription bean) {
            Class<?> raw = type.getRawClass();
            if (raw == Double.class || raw == Float.class) {
                return FiniteOrNull.INSTANCE;
            }
            if (raw == String.class || Number.class.isAssignableFrom(raw) || raw == Boolean.class
                    || Iterable.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
                return null;
            }
            return ToStringSerializer.instance;
        }
    }

    /** JSON has no NaN or Infinity. */
    private static final class FiniteOrNull extends StdSerializer<Number> {

        static final FiniteOrNull INSTANCE = new FiniteOrNull();

        private FiniteOrNull() {
            super(Number.class);
        }

        @Override
        public void serialize(Number value, JsonGenerator out, SerializerProvider provider) throws IOException {
            if (!Double.isFinite(value.doubleValue())) {
                out.writeNull();
            } else if (value instanceof Float single) {
                out.writeNumber(single);
            } else {
                out.writeNumber(value.doubleValue());
            }
        }
    }
}
