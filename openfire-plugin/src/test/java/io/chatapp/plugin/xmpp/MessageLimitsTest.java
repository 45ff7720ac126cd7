package io.chatapp.plugin.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.plugin.config.Settings;
import io.chatapp.plugin.config.SettingsSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageLimitsTest {

    private final MessageLimits limit = new MessageLimits(10, 36);

    @Test
    void aBodyAtTheLimitPassesOneCharacterMoreDoesNot() {
        assertThat(limit.allowsBodies(List.of("0123456789"))).isTrue();
        assertThat(limit.allowsBodies(List.of("0123456789x"))).isFalse();
        assertThat(limit.allowsBodies(List.of())).isTrue();
        assertThat(limit.allowsBodies(List.of(""))).isTrue();
    }

    @Test
    void charactersAreCodePointsNotUtf16Units() {
        String tenEmoji = "😀".repeat(10);
        assertThat(tenEmoji.length()).isEqualTo(20);
        assertThat(limit.allowsBodies(List.of(tenEmoji))).isTrue();
        assertThat(limit.allowsBodies(List.of(tenEmoji + "😀"))).isFalse();
    }

    @Test
    void allBodiesOfAMessageCountTogether() {
        assertThat(limit.allowsBodies(List.of("01234", "56789"))).isTrue();
        assertThat(limit.allowsBodies(List.of("01234", "56789", "x"))).isFalse();
    }

    @Test
    void anIdAtTheLimitPassesOneCharacterMoreDoesNotAndNoIdAlwaysPasses() {
        assertThat(limit.allowsId("0123456789-0123456789-0123456789-abc")).isTrue();
        assertThat(limit.allowsId("0123456789-0123456789-0123456789-abcd")).isFalse();
        assertThat(limit.allowsId(null)).isTrue();
        assertThat(limit.allowsId("")).isTrue();
    }

    @Test
    void theRefusalNamesTheLimit() {
        assertThat(limit.bodyRefusal()).isEqualTo("message body longer than 10 characters");
        assertThat(limit.idRefusal()).isEqualTo("message id longer than 36 characters");
        assertThatThrownBy(() -> new MessageLimits(0, 36)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MessageLimits(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultsAreSixtyFourKiCharactersAnd256ForAnIdAndTheSettingsChangeThem() {
        assertThat(Settings.read(SettingsSource.of(Map.of())).messageMaxBodyChars()).isEqualTo(65_536);
        assertThat(Settings.read(SettingsSource.of(Map.of("chatapp.messages.maxBodyChars", "1000")))
                .messageMaxBodyChars()).isEqualTo(1000);
        MessageLimits byDefault = new MessageLimits(Settings.MESSAGES_MAX_BODY_CHARS.defaultValue(),
                Settings.MESSAGES_MAX_ID_CHARS.defaultValue());
        assertThat(byDefault.allowsBodies(List.of("a".repeat(65_536)))).isTrue();
        assertThat(byDefault.allowsBodies(List.of("a".repeat(1 << 20)))).isFalse();
        assertThat(byDefault.allowsId("i".repeat(256))).isTrue();
        assertThat(byDefault.allowsId("i".repeat(257))).isFalse();
        assertThat(Settings.read(SettingsSource.of(Map.of("chatapp.messages.maxIdChars", "64"))).messageMaxIdChars())
                .isEqualTo(64);
    }
}
