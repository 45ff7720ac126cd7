package io.chatapp.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    @Test
    void parsesATokenResponse() {
        Map<String, Object> object = Json.parseObject(" {\"access_token\":\"a.b.c\", \"expires_in\":899,"
                + "\"roles\":[\"admin\",\"user\"],\"ok\":true,\"none\":null,\"ratio\":-1.5e2}\n");

        assertThat(object).containsEntry("access_token", "a.b.c")
                .containsEntry("expires_in", new BigDecimal("899"))
                .containsEntry("roles", List.of("admin", "user"))
                .containsEntry("ok", Boolean.TRUE)
                .containsEntry("none", Json.NULL);
        assertThat(((BigDecimal) object.get("ratio")).doubleValue()).isEqualTo(-150.0);
    }

    @Test
    void decodesEscapesIncludingSurrogatePairs() {
        assertThat(Json.parse("\"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\ud83d\\udd11\""))
                .isEqualTo("a\"b\\c/d\n\t\u00e9\ud83d\udd11");
    }

    @Test
    void quoteRoundTripsAnyText() {
        String text = "p\"w\\d\n\r\t\u0001 \u00e9t\u00e9 \ud83d\udd11";
        assertThat(Json.parse(Json.quote(text))).isEqualTo(text);
        assertThat(Json.quote("\u0001")).isEqualTo("\"\\u0001\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "[1,]", "01", "1.", "-", "\"x",
            "\"\\x\"", "\"tab\there\"", "{\"a\":1}{}", "{\"a\":1,\"a\":2}", "tru", "nul", "'x'", "\"\\u12\"",
            "{\"a\":1} x", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"})
    void rejectsAnythingButOneStrictValue(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parseObjectRejectsOtherValues() {
        assertThatThrownBy(() -> Json.parseObject("[1]")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Json.parseObject("{}")).isEmpty();
        assertThat(Json.parse("[]")).isEqualTo(List.of());
    }
}
