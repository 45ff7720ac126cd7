package io.chatapp.plugin.archive.openfire;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.chatapp.plugin.xmpp.HeapPressure;
import io.chatapp.plugin.xmpp.StanzaRateLimit;
import java.lang.reflect.Proxy;
import org.jivesoftware.openfire.session.ClientSession;
import org.jivesoftware.openfire.spi.BasicStreamIDFactory;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

class StanzaFloodInterceptorTest {

    /**
     * Openfire 4.2 leaves a session whose account deleted itself in band without a connection, so its
     * {@code isClosed()} throws; the account's last unavailable presence then made this interceptor throw too
     * (logged by Openfire as "Error in interceptor"). It passes instead.
     */
    @Test
    void theLastPresenceOfASessionWithoutConnectionPasses() {
        ClientSession session = (ClientSession) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ClientSession.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getStreamID" -> new BasicStreamIDFactory().createStreamID();
                    case "isClosed" -> throw new NullPointerException("this.conn is null");
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        Presence gone = new Presence(Presence.Type.unavailable);
        gone.setFrom(new JID("alice@example.org/phone"));
        StanzaFloodInterceptor interceptor = new StanzaFloodInterceptor(new StanzaRateLimit(500, 5_000),
                new HeapPressure(70));

        assertThatCode(() -> interceptor.interceptPacket(gone, session, true, false)).doesNotThrowAnyException();
    }
}
