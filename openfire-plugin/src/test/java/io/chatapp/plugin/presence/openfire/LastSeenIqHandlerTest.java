package io.chatapp.plugin.presence.openfire;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

/** Review for issue 12: the last-seen setting is keyed by user name, so only the local user of that name owns it. */
class LastSeenIqHandlerTest {

    @Test
    void aUserOfAnotherServerCannotReadOrChangeTheLocalNamesakesSetting() {
        LastSeenIqHandler handler = new LastSeenIqHandler(null, "example.org", null, Clock.systemUTC());
        for (IQ.Type type : new IQ.Type[] {IQ.Type.set, IQ.Type.get}) {
            IQ request = new IQ(type);
            request.setFrom(new JID("alice@evil.example/x"));
            request.setTo(new JID("example.org"));
            request.setChildElement("last-seen", LastSeenIqHandler.NAMESPACE).addAttribute("visibility", "everyone");
            assertThatThrownBy(() -> handler.answer(request)).isInstanceOfSatisfying(StanzaErrorException.class,
                    e -> org.assertj.core.api.Assertions.assertThat(e.error()).isEqualTo(StanzaError.FORBIDDEN));
        }
    }
}
