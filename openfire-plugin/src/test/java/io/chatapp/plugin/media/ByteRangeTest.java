package io.chatapp.plugin.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    private static ByteRange.Request parse(String header) {
        return ByteRange.parse(header, 1000);
    }

    @Test
    void singleRangesAreResolvedAgainstTheSize() {
        assertThat(parse("bytes=0-99")).isEqualTo(new ByteRange.Part(new ByteRange(0, 99)));
        assertThat(parse("bytes=990-")).isEqualTo(new ByteRange.Part(new ByteRange(990, 999)));
        assertThat(parse("bytes=-10")).isEqualTo(new ByteRange.Part(new ByteRange(990, 999)));
        assertThat(parse("bytes=-5000")).isEqualTo(new ByteRange.Part(new ByteRange(0, 999)));
        assertThat(parse("bytes=500-5000")).isEqualTo(new ByteRange.Part(new ByteRange(500, 999)));
        assertThat(new ByteRange(500, 999).contentRange(1000)).isEqualTo("bytes 500-999/1000");
        assertThat(new ByteRange(500, 999).length()).isEqualTo(500);
    }

    @Test
    void rangesBeyondTheEndAreUnsatisfiable() {
        assertThat(parse("bytes=1000-")).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(parse("bytes=-0")).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.parse("bytes=0-", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }

    @Test
    void anythingElseGetsTheWholeFile() {
        for (String header : new String[] {null, "", "items=0-1", "bytes=0-1,5-6", "bytes=5-1", "bytes=a-b",
                "bytes=1", "bytes=-", "bytes=99999999999999999999-"}) {
            assertThat(parse(header)).as(String.valueOf(header)).isInstanceOf(ByteRange.Whole.class);
        }
    }
}
