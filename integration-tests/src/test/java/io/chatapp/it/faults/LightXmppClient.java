package io.chatapp.it.faults;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One XMPP client connection reduced to what a flood needs, driven by its {@link LightXmppEngine}: plain TCP (the
 * dev server's TLS policy is optional), SASL SCRAM-SHA-1 ({@link ScramSha1}), resource binding, initial presence, and XEP-0198 stream
 * management with resumption (counting what it receives, answering the server's {@code <r/>}). Received stanzas go
 * to a handler as XML text, on the engine's thread.
 */
final class LightXmppClient {

    private static final String SM = "urn:xmpp:sm:3";
    private static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";
    private static final int WRITE_CHUNK = 32 * 1024;

    private final LightXmppEngine engine;
    private final String domain;
    private final String username;
    private final String password;
    private final String resource;
    private final boolean streamManagement;
    private final CompletableFuture<LightXmppClient> ready = new CompletableFuture<>();
    private final Queue<String> outbox = new ConcurrentLinkedQueue<>();
    private final XmlStreamSplitter splitter = new XmlStreamSplitter();
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private volatile Consumer<String> stanzaHandler = stanza -> { };
    private volatile Supplier<String> flood;
    private SocketChannel channel;
    private SelectionKey key;
    private ByteBuffer writing;
    private byte[] undecoded = new byte[0];
    private ScramSha1 scram;
    private boolean authenticated;
    private boolean counting;
    private boolean closeWhenWritten;
    private long handled;
    private String resumptionId;
    private volatile boolean closed;

    LightXmppClient(LightXmppEngine engine, String domain, String username, String password, String resource,
            boolean streamManagement) {
        this.engine = engine;
        this.domain = domain;
        this.username = username;
        this.password = password;
        this.resource = resource;
        this.streamManagement = streamManagement;
    }

    String username() {
        return username;
    }

    String jid() {
        return username + "@" + domain;
    }

    CompletableFuture<LightXmppClient> ready() {
        return ready;
    }

    boolean isClosed() {
        return closed;
    }

    /** Where received messages, presences and IQs go (as XML), on the engine's thread. */
    void onStanza(Consumer<String> handler) {
        this.stanzaHandler = handler;
    }

    /** Queues a stanza (XML text); thread-safe. */
    void send(String xml) {
        outbox.add(xml);
        engine.execute(this::write);
    }

    /** Sends whatever the supplier gives, as fast as the socket takes it, until it gives null. */
    void flood(Supplier<String> stanzas) {
        this.flood = stanzas;
        engine.execute(this::write);
    }

    /** Drops the connection without closing the stream: a TCP reset, as a phone losing its network looks. */
    CompletableFuture<Void> dropAbruptly() {
        CompletableFuture<Void> dropped = new CompletableFuture<>();
        engine.execute(() -> {
            try {
                if (channel.isOpen()) {
                    channel.setOption(StandardSocketOptions.SO_LINGER, 0);
                }
            } catch (IOException e) {
                // closing anyway
            }
            closeSocket();
            dropped.complete(null);
        });
        return dropped;
    }

    /** Goes offline as a client quitting does: unavailable presence, then the end of the stream. */
    void closeCleanly() {
        outbox.add("<presence type='unavailable'/></stream:stream>");
        engine.execute(() -> {
            closeWhenWritten = true;
            write();
        });
    }

    /** A client for the same account and resource that resumes this one's stream, with this one's count. */
    LightXmppClient resumer() {
        if (resumptionId == null) {
            throw new IllegalStateException("stream management was not enabled with resumption for " + jid());
        }
        LightXmppClient next = new LightXmppClient(engine, domain, username, password, resource, streamManagement);
        next.stanzaHandler = stanzaHandler;
        next.handled = handled;
        next.resumptionId = resumptionId;
        return next;
    }

    void attach(SocketChannel socket, SelectionKey selectionKey) {
        this.channel = socket;
        this.key = selectionKey;
    }

    void fail(Throwable cause) {
        ready.completeExceptionally(cause);
        closeSocket();
    }

    /** Called by the engine when the socket is connectable, readable or writable. */
    void onReady(SelectionKey selected) {
        try {
            if (!selected.isValid()) {
                return;
            }
            if (selected.isConnectable()) {
                channel.finishConnect();
                key.interestOps(SelectionKey.OP_READ);
                openStream();
            }
            if (selected.isValid() && selected.isReadable()) {
                read();
            }
            if (selected.isValid() && selected.isWritable()) {
                write();
            }
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    private void openStream() {
        outbox.add("<?xml version='1.0'?><stream:stream to='" + domain + "' xmlns='jabber:client'"
                + " xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>");
        write();
    }

    private void read() throws IOException {
        ByteBuffer buffer = engine.readBuffer();
        buffer.clear();
        buffer.put(undecoded);
        int read = channel.read(buffer);
        if (read < 0) {
            fail(new IOException("the server closed the connection of " + jid()));
            return;
        }
        buffer.flip();
        CharBuffer text = CharBuffer.allocate(buffer.remaining());
        decoder.decode(buffer, text, false);
        undecoded = new byte[buffer.remaining()];
        buffer.get(undecoded);
        text.flip();
        for (String part : splitter.feed(text)) {
            handle(part);
        }
    }

    private void handle(String part) {
        if (part.startsWith("<stream:features")) {
            onFeatures();
        } else if (part.startsWith("<challenge")) {
            String challenge = part.substring(part.indexOf('>') + 1, part.lastIndexOf('<'));
            outbox.add("<response xmlns='" + SASL + "'>" + scram.clientFinal(challenge) + "</response>");
            write();
        } else if (part.startsWith("<success")) {
            authenticated = true;
            openStream();
        } else if (part.startsWith("<failure") && part.contains("temporary-auth-failure") && !authenticated) {
            fail(new ServerBusyException(jid() + ": " + part));
        } else if (part.startsWith("<failure") || part.startsWith("<stream:error") || part.startsWith("<failed")) {
            fail(new IOException(jid() + ": " + part));
        } else if (part.startsWith("<enabled")) {
            resumptionId = attribute(part, "id");
            counting = true;
        } else if (part.startsWith("<resumed")) {
            counting = true;
            ready.complete(this);
        } else if (part.startsWith("<r ") || part.startsWith("<r/")) {
            outbox.add("<a xmlns='" + SM + "' h='" + handled + "'/>");
            write();
        } else if (part.equals(XmlStreamSplitter.STREAM_END)) {
            fail(new IOException("the server ended the stream of " + jid()));
        } else if (isStanza(part)) {
            if (counting) {
                handled = (handled + 1) & 0xFFFFFFFFL;
            }
            onStanza(part);
        }
    }

    private void onFeatures() {
        if (!authenticated) {
            scram = new ScramSha1(username, password);
            outbox.add("<auth xmlns='" + SASL + "' mechanism='SCRAM-SHA-1'>" + scram.clientFirst() + "</auth>");
        } else if (resumptionId != null) {
            outbox.add("<resume xmlns='" + SM + "' previd='" + resumptionId + "' h='" + handled + "'/>");
        } else {
            outbox.add("<iq type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>"
                    + resource + "</resource></bind></iq>");
        }
        write();
    }

    private void onStanza(String stanza) {
        if (stanza.startsWith("<iq") && "bind".equals(attribute(stanza, "id"))) {
            if (!"result".equals(attribute(stanza, "type"))) {
                fail(new IOException(jid() + " could not bind: " + stanza));
                return;
            }
            outbox.add("<iq type='set' id='session'><session xmlns='urn:ietf:params:xml:ns:xmpp-session'/></iq>");
            if (streamManagement) {
                outbox.add("<enable xmlns='" + SM + "' resume='true'/>");
            }
            outbox.add("<presence/><iq type='get' id='online'><ping xmlns='urn:xmpp:ping'/></iq>");
            write();
        } else if (stanza.startsWith("<iq") && "online".equals(attribute(stanza, "id"))) {
            // The server has handled the initial presence: the session is routable now.
            ready.complete(this);
        } else {
            stanzaHandler.accept(stanza);
        }
    }

    private void write() {
        if (channel == null || !channel.isOpen() || !channel.isConnected()) {
            return;
        }
        try {
            while (true) {
                if (writing == null || !writing.hasRemaining()) {
                    writing = nextChunk();
                    if (writing == null) {
                        break;
                    }
                }
                channel.write(writing);
                if (writing.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                    return;
                }
            }
            key.interestOps(SelectionKey.OP_READ);
            if (closeWhenWritten) {
                closeSocket();
            }
        } catch (IOException e) {
            fail(e);
        }
    }

    private ByteBuffer nextChunk() {
        StringBuilder chunk = new StringBuilder();
        for (String xml; chunk.length() < WRITE_CHUNK && (xml = outbox.poll()) != null; ) {
            chunk.append(xml);
        }
        Supplier<String> stanzas = flood;
        while (stanzas != null && chunk.length() < WRITE_CHUNK) {
            String xml = stanzas.get();
            if (xml == null) {
                flood = null;
                break;
            }
            chunk.append(xml);
        }
        return chunk.isEmpty() ? null : ByteBuffer.wrap(chunk.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void closeSocket() {
        closed = true;
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // closed anyway
        }
        if (!ready.isDone()) {
            ready.completeExceptionally(new IOException("closed before " + jid() + " was online"));
        }
    }

    /** The server refused the login for now ({@code temporary-auth-failure}): busy with other logins. */
    static final class ServerBusyException extends IOException {
        private static final long serialVersionUID = 1L;

        ServerBusyException(String message) {
            super(message);
        }
    }

    private static boolean isStanza(String part) {
        return part.startsWith("<message") || part.startsWith("<presence") || part.startsWith("<iq");
    }

    /** The value of an attribute of the element's own (first) tag. */
    static String attribute(String xml, String name) {
        int tagEnd = xml.indexOf('>');
        Matcher matcher = Pattern.compile("\\s" + Pattern.quote(name) + "=(['\"])(.*?)\\1")
                .matcher(xml.substring(0, tagEnd < 0 ? xml.length() : tagEnd));
        return matcher.find() ? matcher.group(2) : null;
    }

    /** The text of the message's body, or null. */
    static String body(String xml) {
        int start = xml.indexOf("<body>");
        int end = xml.indexOf("</body>");
        return start < 0 || end < start ? null : xml.substring(start + "<body>".length(), end);
    }
}
