package io.chatapp.plugin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.chatapp.plugin.testing.JsonReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesPlainStrings() {
        assertThat(Json.write("hello")).isEqualTo("\"hello\"");
        assertThat(Json.write("")).isEqualTo("\"\"");
    }

    @Test
    void escapesQuotesAndBackslashes() {
        assertThat(Json.write("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
        assertThat(Json.write("C:\\dir\\")).isEqualTo("\"C:\\\\dir\\\\\"");
        assertThat(Json.write("\\\"")).isEqualTo("\"\\\\\\\"\"");
    }

    @Test
    void escapesNewlinesTabsAndCarriageReturnsShortly() {
        assertThat(Json.write("a\nb\rc\td")).isEqualTo("\"a\\nb\\rc\\td\"");
    }

    @Test
    void escapesEveryOtherControlCharacterAsUnicode() {
        assertThat(Json.write("\u0000")).isEqualTo("\"\\u0000\"");
        assertThat(Json.write("\u0001\u0008\u000b\u000c\u001f")).isEqualTo("\"\\u0001\\u0008\\u000b\\u000c\\u001f\"");

        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            all.append(c);
        }
        String written = Json.write(all.toString());
        assertThat(written.chars().filter(c -> c < 0x20)).isEmpty();
        assertThat(JsonReader.read(written)).isEqualTo(all.toString());
    }

    @Test
    void escapesLineAndParagraphSeparatorsForJavaScript() {
        assertThat(Json.write("a\u2028b\u2029c")).isEqualTo("\"a\\u2028b\\u2029c\"");
    }

    @Test
    void leavesOtherUnicodeAndSpaceAlone() {
        assertThat(Json.write("héllo wörld ✓ 😀 / \u007f")).isEqualTo("\"héllo wörld ✓ 😀 / \u007f\"");
    }

    @Test
    void writesNull() {
        assertThat(Json.write(null)).isEqualTo("null");
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("missing", null);
        assertThat(Json.write(map)).isEqualTo("{\"missing\":null}");
        assertThat(Json.write(Arrays.asList("a", null))).isEqualTo("[\"a\",null]");
    }

    @Test
    void writesNumbersAndBooleansBare() {
        assertThat(Json.write(42)).isEqualTo("42");
        assertThat(Json.write(-7L)).isEqualTo("-7");
        assertThat(Json.write(1.5)).isEqualTo("1.5");
        assertThat(Json.write(new BigDecimal("12.50"))).isEqualTo("12.50");
        assertThat(Json.write(true)).isEqualTo("true");
        assertThat(Json.write(false)).isEqualTo("false");
        assertThat(Json.write(Long.MAX_VALUE)).isEqualTo("9223372036854775807");
    }

    @Test
    void writesEmptyContainers() {
        assertThat(Json.write(Map.of())).isEqualTo("{}");
        assertThat(Json.write(List.of())).isEqualTo("[]");
    }

    @Test
    void writesMapsInTheirIterationOrder() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("b", 1);
        map.put("a", "x");
        map.put("c", true);
        assertThat(Json.write(map)).isEqualTo("{\"b\":1,\"a\":\"x\",\"c\":true}");

        assertThat(Json.write(new TreeMap<>(map))).isEqualTo("{\"a\":\"x\",\"b\":1,\"c\":true}");
    }

    @Test
    void writesNestedMapsAndLists() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("reachable", true);
        inner.put("latencyMicros", 125);
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("status", "ok");
        outer.put("database", inner);
        outer.put("tags", List.of("a", List.of(1, 2), Map.of("k", "v")));
        outer.put("empty", new ArrayList<>());

        assertThat(Json.write(outer)).isEqualTo("{\"status\":\"ok\",\"database\":{\"reachable\":true,"
                + "\"latencyMicros\":125},\"tags\":[\"a\",[1,2],{\"k\":\"v\"}],\"empty\":[]}");
    }

    @Test
    void escapesMapKeysAndWritesNonStringKeysAsStrings() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("we\"ird\nkey", 1);
        map.put(7, "seven");
        assertThat(Json.write(map)).isEqualTo("{\"we\\\"ird\\nkey\":1,\"7\":\"seven\"}");
    }

    @Test
    void writesAnyIterableAsAnArray() {
        assertThat(Json.write(Set.of("only"))).isEqualTo("[\"only\"]");
        assertThat(Json.write(Collections.singletonList(3))).isEqualTo("[3]");
    }

    @Test
    void writesOtherObjectsAsTheirEscapedString() {
        Object custom = new Object() {
            @Override
            public String toString() {
                return "line1\n\"quoted\"";
            }
        };
        assertThat(Json.write(custom)).isEqualTo("\"line1\\n\\\"quoted\\\"\"");
        assertThat(Json.write(Thread.State.NEW)).isEqualTo("\"NEW\"");
    }

    @Test
    void outputOfTrickyValuesIsValidJsonThatReadsBackToTheSameValues() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", "quote \" backslash \\ slash / nul \u0000 bell \u0007 del \u007f sep \u2028\u2029 emoji 😀");
        value.put("list", Arrays.asList(1, "two", null, false, List.of(), Map.of()));
        value.put("nested", Map.of("deeper", Map.of("deepest", "\t")));

        Object read = JsonReader.read(Json.write(value));

        Map<String, Object> expected = new LinkedHashMap<>(value);
        expected.put("list", Arrays.asList(BigDecimal.ONE, "two", null, false, List.of(), Map.of()));
        assertThat(read).isEqualTo(expected);
    }

    @Test
    void nonFiniteNumbersNeverMakeInvalidJson() {
        for (Object number : List.of(Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY)) {
            String written = Json.write(Map.of("value", number));
            assertThatCode(() -> JsonReader.read(written)).as(written).doesNotThrowAnyException();
        }
    }
}
