package io.chatapp.plugin.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.plugin.config.Settings;
import io.chatapp.plugin.config.SettingsSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BodyLimitTest {

    private final BodyLimit limit = new BodyLimit(10);

    @Test
    void aBodyAtTheLimitPassesOneCharacterMoreDoesNot() {
        assertThat(limit.allows(List.of("0123456789"))).isTrue();
        assertThat(limit.allows(List.of("0123456789x"))).isFalse();
        assertThat(limit.allows(List.of())).isTrue();
        assertThat(limit.allows(List.of(""))).isTrue();
    }

    @Test
    void charactersAreCodePointsNotUtf16Units() {
        String tenEmoji = "😀".repeat(10);
        assertThat(tenEmoji.length()).isEqualTo(20);
        assertThat(limit.allows(List.of(tenEmoji))).isTrue();
        assertThat(limit.allows(List.of(tenEmoji + "😀"))).isFalse();
    }

    @Test
    void allBodiesOfAMessageCountTogether() {
        assertThat(limit.allows(List.of("01234", "56789"))).isTrue();
        assertThat(limit.allows(List.of("01234", "56789", "x"))).isFalse();
    }

    @Test
    void theRefusalNamesTheLimit() {
        assertThat(limit.refusal()).isEqualTo("message body longer than 10 characters");
        assertThatThrownBy(() -> new BodyLimit(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultIsSixtyFourKiCharactersAndTheSettingChangesIt() {
        assertThat(Settings.read(SettingsSource.of(Map.of())).messageMaxBodyChars()).isEqualTo(65_536);
        assertThat(Settings.read(SettingsSource.of(Map.of("chatapp.messages.maxBodyChars", "1000")))
                .messageMaxBodyChars()).isEqualTo(1000);
        BodyLimit byDefault = new BodyLimit(Settings.MESSAGES_MAX_BODY_CHARS.defaultValue());
        assertThat(byDefault.allows(List.of("a".repeat(65_536)))).isTrue();
        assertThat(byDefault.allows(List.of("a".repeat(1 << 20)))).isFalse();
    }
}
