package io.chatapp.it.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One XMPP client over BOSH (XEP-0124 and XEP-0206, Openfire's {@code /http-bind/}), reduced to what a flood needs:
 * the session's creation ({@code hold='1'}), the login of {@link XmppLogin} (the restart is a body with
 * {@code xmpp:restart='true'}), then bodies of {@value #STANZAS_PER_BODY} messages each, as many requests in flight
 * as the session allows ({@code requests}). Every request carries the next {@code rid}.
 *
 * <p>Openfire 4.2 ends a session the server closes by answering the request it holds with an empty body (no
 * {@code type='terminate'}) and forgetting the session: the client learns of it from its next request, which is
 * answered {@code 404} ("Invalid SID value."), or, when that request reaches the session while it is being closed,
 * {@code <body type='terminate' condition='item-not-found'/>}. Either, or a failed request, is what
 * {@link #isClosed()} reports.
 */
final class BoshXmppClient extends FloodingClient {

    private static final String HTTPBIND = "http://jabber.org/protocol/httpbind";
    private static final String XBOSH = "urn:xmpp:xbosh";
    /** How long the server may hold a request with nothing to answer (XEP-0124 §7: {@code wait}). */
    private static final int WAIT_SECONDS = 10;
    /** Messages packed into one body: enough that the flood is bound by the server, not by HTTP round trips. */
    static final int STANZAS_PER_BODY = 100;
    private static final Pattern TERMINATE = Pattern.compile("^<body[^>]*\\stype=['\"]terminate['\"]");
    private static final Pattern CONDITION = Pattern.compile("^<body[^>]*\\scondition=['\"]([^'\"]*)['\"]");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(STEP).build();
    private final URI uri;
    private final String domain;
    /** XEP-0124 §14.1: a random start, below 2^53 however long the session. */
    private final AtomicLong rid = new AtomicLong(1 + ThreadLocalRandom.current().nextLong(1L << 32));
    private String sid;
    private int requests;
    /** Requests the session allows in flight and not yet taken. */
    private Semaphore freeRequests;

    private BoshXmppClient(URI uri, String domain) {
        this.uri = uri;
        this.domain = domain;
    }

    /** Creates a session at {@code uri} and logs in; completes once the initial presence is sent. */
    static BoshXmppClient login(URI uri, String domain, String username, String password) throws Exception {
        BoshXmppClient client = new BoshXmppClient(uri, domain);
        client.createSession();
        XmppLogin.authenticateBindAndAnnounce(client, username, password, "bosh");
        return client;
    }

    private void createSession() throws Exception {
        HttpResponse<String> answer = http.send(request("<body xmlns='" + HTTPBIND + "' rid='"
                + rid.getAndIncrement() + "' to='" + domain + "' xml:lang='en' wait='" + WAIT_SECONDS
                + "' hold='1' ver='1.6' xmlns:xmpp='" + XBOSH + "' xmpp:version='1.0'/>"),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("session creation: HTTP " + answer.statusCode() + " " + answer.body());
        }
        sid = attribute(answer.body(), "sid");
        requests = Integer.parseInt(attribute(answer.body(), "requests"));
        freeRequests = new Semaphore(requests);
        received(answer.body());
    }

    /** Sends one body holding {@code xml}; does not wait for its answer, which the server may hold. */
    @Override
    public void send(String xml) throws Exception {
        post("", xml);
    }

    /**
     * Packs the stanzas into bodies of {@value #STANZAS_PER_BODY} and sends each as soon as one of the session's
     * {@code requests} is free (the server answers the request it holds as the next comes, so each body costs a
     * round trip).
     */
    @Override
    long flood(Supplier<String> stanzas) throws Exception {
        long sent = 0;
        while (!isClosed()) {
            StringBuilder body = new StringBuilder();
            int count = 0;
            for (String stanza; count < STANZAS_PER_BODY && (stanza = stanzas.get()) != null; count++) {
                body.append(stanza);
            }
            if (count == 0 || post("", body.toString()) == null) {
                break;
            }
            sent += count;
        }
        return sent;
    }

    /** Restarts the stream after the SASL success (XEP-0206 §5). */
    @Override
    public void restart() throws Exception {
        post(" to='" + domain + "' xml:lang='en' xmlns:xmpp='" + XBOSH + "' xmpp:restart='true'", "");
    }

    /**
     * Nothing in flight: an empty body gives the server a request to answer on. Only then, since Openfire ends a
     * session that polls while it holds another of its requests (overactivity, XEP-0124 §11).
     */
    @Override
    void nothingReceived() throws Exception {
        if (freeRequests.availablePermits() == requests) {
            post("", "");
        }
    }

    /** Ends the session (XEP-0124 §13) if the server has not, waiting a few seconds at most for the answer. */
    @Override
    public void close() {
        if (isClosed() || sid == null) {
            return;
        }
        try {
            CompletableFuture<?> terminate = post(" type='terminate'",
                    "<presence xmlns='jabber:client' type='unavailable'/>");
            if (terminate != null) {
                terminate.get(5, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            // the session ends on the server's inactivity timeout instead
        }
        closed("closed by the client");
    }

    /**
     * Sends a body with the next {@code rid} once one of the session's requests is free; returns its answer's future,
     * or null if the session closed while it waited.
     */
    private CompletableFuture<?> post(String attributes, String payload) throws InterruptedException {
        long deadline = System.nanoTime() + STEP.toNanos();
        while (!freeRequests.tryAcquire(100, TimeUnit.MILLISECONDS)) {
            if (isClosed()) {
                return null;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no request of the session answered within " + STEP);
            }
        }
        String body = "<body xmlns='" + HTTPBIND + "' rid='" + rid.getAndIncrement() + "' sid='" + sid + "'"
                + attributes + (payload.isEmpty() ? "/>" : ">" + payload + "</body>");
        return http.sendAsync(request(body), HttpResponse.BodyHandlers.ofString()).whenComplete((answer, error) -> {
            freeRequests.release();
            if (error != null) {
                closed("request failed: " + error);
            } else if (answer.statusCode() != 200) {
                closed("HTTP " + answer.statusCode() + " " + reasonOf(answer.body()));
            } else if (TERMINATE.matcher(answer.body()).find()) {
                Matcher condition = CONDITION.matcher(answer.body());
                closed("terminate " + (condition.find() ? condition.group(1) : ""));
            } else if (answer.body().contains("</body>")) {
                received(answer.body());
            }
        });
    }

    private HttpRequest request(String body) {
        return HttpRequest.newBuilder(uri).timeout(STEP.plusSeconds(WAIT_SECONDS))
                .header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String attribute(String xml, String name) {
        Matcher value = Pattern.compile("\\s" + name + "=['\"]([^'\"]*)['\"]").matcher(xml);
        if (!value.find()) {
            throw new IllegalStateException("no " + name + " in " + xml);
        }
        return value.group(1);
    }

    /** Jetty's error page as text (its title and Openfire's reason, as "Invalid SID value."). */
    private static String reasonOf(String errorPage) {
        String text = errorPage.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
        return text.length() > 160 ? text.substring(0, 160) : text;
    }
}
