package io.chatapp.it;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.TestUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.StanzaIdFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;

/**
 * A standard XMPP client reduced to the wire: a plain Smack connection that sends hand-written IQs and messages
 * and shows what comes back as XML, so tests see exactly what any client (Conversations, Gajim…) would.
 */
final class RawXmpp implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final XMPPTCPConnection connection;
    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private final BlockingQueue<Stanza> presences = new LinkedBlockingQueue<>();

    private RawXmpp(XMPPTCPConnection connection) {
        this.connection = connection;
        connection.addSyncStanzaListener(stanza -> messages.add((Message) stanza),
                StanzaTypeFilter.MESSAGE);
        connection.addSyncStanzaListener(presences::add, StanzaTypeFilter.PRESENCE);
    }

    static RawXmpp login(DevServer server, TestUser user) throws Exception {
        return login(server, user, null);
    }

    /** Logs in on the given resource (a device), or one the server picks when null. */
    static RawXmpp login(DevServer server, TestUser user, String resource) throws Exception {
        XMPPTCPConnection connection = XmppLogins.password(server);
        connection.setReplyTimeout(TIMEOUT.toMillis());
        RawXmpp raw = new RawXmpp(connection);
        connection.connect().login(user.username(), user.password(),
                resource == null ? null : org.jxmpp.jid.parts.Resourcepart.from(resource));
        XmppLogins.awaitOnline(connection);
        return raw;
    }

    /** A connection that has not logged in, as a client registering in-band (XEP-0077) has. */
    static RawXmpp unauthenticated(DevServer server) throws Exception {
        XMPPTCPConnection connection = XmppLogins.password(server);
        connection.setReplyTimeout(TIMEOUT.toMillis());
        RawXmpp raw = new RawXmpp(connection);
        connection.connect();
        return raw;
    }

    /** Sends an IQ with the given payload XML and returns the answer (result or error) as XML. */
    String iq(String type, String to, String payloadXml) throws Exception {
        return iq(type, to, payloadXml, TIMEOUT);
    }

    /** The same, for a request the server takes long to carry out (e.g. a thousand MUC affiliations, one row each). */
    String iq(String type, String to, String payloadXml, Duration timeout) throws Exception {
        RawIq request = new RawIq(payloadXml);
        request.setType(IQ.Type.fromString(type));
        if (to != null) {
            request.setTo(org.jxmpp.jid.impl.JidCreate.from(to));
        }
        try (StanzaCollector answers = connection.createStanzaCollectorAndSend(new StanzaIdFilter(
                request.getStanzaId()), request)) {
            Stanza answer = answers.nextResult(timeout.toMillis());
            if (answer == null) {
                throw new AssertionError("no answer within " + timeout + " to "
                        + payloadXml.substring(0, Math.min(payloadXml.length(), 500)));
            }
            // Smack keeps a payload it has no provider for as text and escapes it when printing: undo that.
            return unescape(answer.toXML().toString());
        }
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&apos;", "'").replace("&quot;", "\"");
    }

    /** Sends a message given as XML children of {@code <message>} (after the body, if any). */
    String message(String to, String type, String body, String childrenXml) throws Exception {
        var builder = connection.getStanzaFactory().buildMessageStanza().to(to).ofType(Message.Type.fromString(type));
        if (body != null) {
            builder.setBody(body);
        }
        Message message = builder.build();
        if (childrenXml != null) {
            message.addExtension(new RawExtension(childrenXml));
        }
        connection.sendStanza(message);
        return message.getStanzaId();
    }

    /** Sends a message with a body and the given id (the stanza's own {@code id} attribute); returns the id. */
    String messageWithId(String to, String type, String body, String id) throws Exception {
        Message message = org.jivesoftware.smack.packet.StanzaBuilder.buildMessage(id).to(to)
                .ofType(Message.Type.fromString(type)).setBody(body).build();
        connection.sendStanza(message);
        return id;
    }

    /** The next message received that matches, as XML; earlier non-matching ones are dropped. */
    String nextMessage(Predicate<String> matching) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Message message = messages.poll(100, TimeUnit.MILLISECONDS);
            if (message != null) {
                String xml = message.toXML().toString();
                if (matching.test(xml)) {
                    return xml;
                }
            }
        }
        throw new AssertionError("no matching message within " + TIMEOUT);
    }

    /** Sends a presence (type null for available) with the given XML children, e.g. a MUC join. */
    void presence(String to, String type, String childrenXml) throws Exception {
        var builder = connection.getStanzaFactory().buildPresenceStanza().to(to);
        if (type != null) {
            builder.ofType(org.jivesoftware.smack.packet.Presence.Type.fromString(type));
        }
        org.jivesoftware.smack.packet.Presence presence = builder.build();
        if (childrenXml != null) {
            presence.addExtension(new RawExtension(childrenXml));
        }
        connection.sendStanza(presence);
    }

    /** The next presence received that matches, as XML; earlier non-matching ones are dropped. */
    String nextPresence(Predicate<String> matching) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Stanza presence = presences.poll(100, TimeUnit.MILLISECONDS);
            if (presence != null) {
                String xml = unescape(presence.toXML().toString());
                if (matching.test(xml)) {
                    return xml;
                }
            }
        }
        throw new AssertionError("no matching presence within " + TIMEOUT);
    }

    /** Every message received within the given time, as XML. */
    List<String> messagesWithin(Duration wait) throws InterruptedException {
        List<String> received = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            Message message = messages.poll(50, TimeUnit.MILLISECONDS);
            if (message != null) {
                received.add(message.toXML().toString());
            }
        }
        return received;
    }

    /**
     * The messages received, as XML, until {@code expected} of them match or {@code limit} has passed (then fewer
     * match); returns as soon as the last one counted arrives.
     */
    List<String> messagesUntil(int expected, Predicate<String> counted, Duration limit) throws InterruptedException {
        List<String> received = new ArrayList<>();
        long deadline = System.nanoTime() + limit.toNanos();
        int matched = 0;
        while (matched < expected) {
            long left = deadline - System.nanoTime();
            Message message = left > 0 ? messages.poll(left, TimeUnit.NANOSECONDS) : null;
            if (message == null) {
                return received;
            }
            String xml = message.toXML().toString();
            received.add(xml);
            if (counted.test(xml)) {
                matched++;
            }
        }
        return received;
    }

    /** Goes offline as a client does on quitting: unavailable presence, then the connection closes. */
    void goOffline() throws Exception {
        connection.sendStanza(connection.getStanzaFactory().buildPresenceStanza()
                .ofType(org.jivesoftware.smack.packet.Presence.Type.unavailable).build());
        iq("get", null, "<ping xmlns='urn:xmpp:ping'/>");
        connection.instantShutdown();
    }

    XMPPTCPConnection connection() {
        return connection;
    }

    @Override
    public void close() {
        connection.instantShutdown();
    }

    /** An IQ whose payload is given as XML: {@code <name xmlns='ns' attributes…>children</name>} or self-closing. */
    private static final class RawIq extends IQ {
        private static final java.util.regex.Pattern PAYLOAD = java.util.regex.Pattern.compile(
                "<([\\w:-]+)\\s+xmlns=['\"]([^'\"]+)['\"]([^>]*?)(/>|>(.*)</\\1>)", java.util.regex.Pattern.DOTALL);
        private final String attributes;
        private final String children;

        RawIq(String payloadXml) {
            this(PAYLOAD.matcher(payloadXml.trim()));
        }

        private RawIq(java.util.regex.Matcher payload) {
            super(matched(payload).group(1), payload.group(2));
            this.attributes = payload.group(3);
            this.children = payload.group(5);
        }

        private static java.util.regex.Matcher matched(java.util.regex.Matcher payload) {
            if (!payload.matches()) {
                throw new IllegalArgumentException("payload must be <name xmlns='…' …>…</name>");
            }
            return payload;
        }

        @Override
        protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
            xml.append(attributes);
            if (children == null || children.isEmpty()) {
                xml.setEmptyElement();
            } else {
                xml.rightAngleBracket();
                xml.append(children);
            }
            return xml;
        }
    }

    /** Message children given as XML. */
    private record RawExtension(String xml) implements org.jivesoftware.smack.packet.ExtensionElement {
        @Override
        public String getNamespace() {
            return "raw";
        }

        @Override
        public String getElementName() {
            return "raw";
        }

        @Override
        public CharSequence toXML(org.jivesoftware.smack.packet.XmlEnvironment environment) {
            return xml;
        }
    }
}
