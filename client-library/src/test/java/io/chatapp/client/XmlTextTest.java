package io.chatapp.client;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class XmlTextTest {

    @Test
    void ordinaryTextEmojiAndLineBreaksAreSendable() {
        assertThatCode(() -> XmlText.requireSendable("Hi Bob 👋\nsecond line\tand a tab, ünïcödé, 中文"))
                .doesNotThrowAnyException();
    }

    @Test
    void controlCharactersAndBrokenSurrogatesAreNot() {
        for (String bad : new String[] {"escape \u001b[31m red", "nul \u0000", "lone \ud83d surrogate", "\ufffe"}) {
            assertThatThrownBy(() -> XmlText.requireSendable(bad)).as(bad)
                    .isInstanceOf(ChatClientException.class)
                    .hasMessageContaining("cannot be sent");
        }
    }
}
