package io.chatapp.benchmarks.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StoryFanOutOptionsTest {

    @Test
    void defaultsAreTheIssuesSizes() {
        StoryFanOutOptions options = StoryFanOutOptions.parse(new String[0]);

        assertThat(options.members()).isEqualTo(1000);
        assertThat(options.posts()).isEqualTo(20);
    }

    @Test
    void badOptionsAreRefused() {
        assertThatThrownBy(() -> StoryFanOutOptions.parse(new String[] {"--members", "0"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoryFanOutOptions.parse(new String[] {"--posts", "many"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoryFanOutOptions.parse(new String[] {"fan-out"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
