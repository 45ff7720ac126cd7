package io.chatapp.it;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.TestUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.iqrequest.AbstractIqRequestHandler;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.UnparsedIQ;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * A XEP-0357 app server for tests: an XMPP account's session that receives the server's pubsub publishes, keeps each
 * as XML (with its sender), and answers them with a result, or with the error it is told to give. Its full JID is
 * what a device names in its {@code <enable jid='…'/>}: publishes to a full JID reach exactly this session.
 */
final class PushAppServer implements AutoCloseable {

    static final String PUBSUB = "http://jabber.org/protocol/pubsub";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    static {
        // Smack would parse the publish into its PubSub classes; the test wants the XML exactly as it came.
        ProviderManager.removeIQProvider("pubsub", PUBSUB);
    }

    private final XMPPTCPConnection connection;
    private final BlockingQueue<String> publishes = new LinkedBlockingQueue<>();
    private volatile StanzaError.Condition refusal;

    private PushAppServer(XMPPTCPConnection connection) {
        this.connection = connection;
        connection.registerIQRequestHandler(new AbstractIqRequestHandler("pubsub", PUBSUB, IQ.Type.set,
                IQRequestHandler.Mode.async) {
            @Override
            public IQ handleIQRequest(IQ request) {
                publishes.add("<from>" + request.getFrom() + "</from>" + ((UnparsedIQ) request).getContent());
                StanzaError.Condition condition = refusal;
                return condition == null ? IQ.createResultIQ(request) : IQ.createErrorResponse(request, condition);
            }
        });
    }

    static PushAppServer start(DevServer server, TestUser account) throws Exception {
        XMPPTCPConnection connection = XmppLogins.password(server);
        PushAppServer appServer = new PushAppServer(connection);
        connection.connect().login(account.username(), account.password(), Resourcepart.from("push-service"));
        XmppLogins.awaitOnline(connection);
        return appServer;
    }

    String jid() {
        return connection.getUser().toString();
    }

    /** From now on every publish is answered with this error. */
    void refuseWith(StanzaError.Condition condition) {
        refusal = condition;
    }

    String nextPublish() throws InterruptedException {
        String publish = publishes.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (publish == null) {
            throw new AssertionError("no publish within " + TIMEOUT);
        }
        return publish;
    }

    List<String> publishesWithin(Duration wait) throws InterruptedException {
        List<String> received = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            String publish = publishes.poll(left, TimeUnit.NANOSECONDS);
            if (publish != null) {
                received.add(publish);
            }
        }
        return received;
    }

    @Override
    public void close() {
        connection.instantShutdown();
    }
}
