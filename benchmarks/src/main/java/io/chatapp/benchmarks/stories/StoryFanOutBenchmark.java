package io.chatapp.benchmarks.stories;

import io.chatapp.benchmarks.LoadGenerators;
import io.chatapp.benchmarks.login.Latencies;
import io.chatapp.benchmarks.xmpp.BenchmarkServer;
import io.chatapp.benchmarks.xmpp.Connections;
import io.chatapp.benchmarks.xmpp.ServerUnderTest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.StanzaIdFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;

/**
 * Story post fan-out (issue 17): one poster whose {@code --members} (1,000) mutual contacts are all online posts text
 * stories one at a time through {@code urn:chatapp:stories:0}; for each post, the time until the server answered the
 * poster and until the last member got the live event (a headline carrying the story). The server is the dev server
 * with the plugin in a JVM of its own ({@link ServerUnderTest}); the contacts are made on its rosters before anyone
 * logs in. Members are lean Smack connections (no roster, no stream management). Prints p50/p99/max over the posts.
 * See docs/benchmarks.md. Options: {@link StoryFanOutOptions#USAGE}.
 */
public final class StoryFanOutBenchmark {

    static final String NAMESPACE = "urn:chatapp:stories:0";
    private static final String POSTER = "bench-poster-";
    private static final String MEMBERS = "bench-member-";
    private static final String TAG = "fan-out post ";
    private static final Duration POST_TIMEOUT = Duration.ofSeconds(60);

    private final StoryFanOutOptions options;
    private final String password = "pw-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
    /** The posts being measured now (the warm-up's, then the measured ones'). */
    private volatile PostFanOuts current;

    private StoryFanOutBenchmark(StoryFanOutOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        LoadGenerators.runAndExit(args, StoryFanOutOptions::parse, StoryFanOutOptions.USAGE,
                options -> new StoryFanOutBenchmark(options).run());
    }

    private void run() throws Exception {
        List<XMPPTCPConnection> connections = new ArrayList<>();
        String poster = BenchmarkServer.user(POSTER, 0);
        try (ServerUnderTest server = ServerUnderTest.start(true, options.serverHeap(), password, true, List.of(
                POSTER + ":1", MEMBERS + ":" + options.members(),
                BenchmarkServer.MUTUAL + poster + ":" + MEMBERS + ":" + options.members()))) {
            try {
                long start = System.nanoTime();
                List<Connections.Login> logins = new ArrayList<>();
                for (int i = 0; i < options.members(); i++) {
                    XMPPTCPConnection member = Connections.create(server, true, false);
                    int index = i;
                    member.addStanzaListener(event -> received(index, event), StoryFanOutBenchmark::isStoryEvent);
                    connections.add(member);
                    String username = BenchmarkServer.user(MEMBERS, i);
                    logins.add(() -> Connections.logIn(member, username, password));
                }
                XMPPTCPConnection posting = Connections.create(server, true, false);
                connections.add(posting);
                logins.add(() -> Connections.logIn(posting, poster, password));
                Connections.logInAll(logins, options.loginThreads());
                System.out.printf("%d members and the poster logged in and routable in %.1f s; load average %s%n",
                        options.members(), (System.nanoTime() - start) / 1e9, LoadGenerators.loadAverage());

                post(posting, new PostFanOuts(options.warmup(), options.members()), "warm-up");
                Duration cpuBefore = server.cpu();
                PostFanOuts measured = new PostFanOuts(options.posts(), options.members());
                post(posting, measured, "measured");
                Duration cpu = server.cpu().minus(cpuBefore);
                print(measured, cpu);
                System.out.printf("load average after: %s%n", LoadGenerators.loadAverage());
            } finally {
                for (XMPPTCPConnection connection : connections) {
                    connection.instantShutdown();
                }
            }
        }
    }

    private static boolean isStoryEvent(Stanza stanza) {
        return stanza instanceof Message message && message.getType() == Message.Type.headline
                && message.getExtensionElement("story", NAMESPACE) != null;
    }

    private void received(int member, Stanza event) {
        long now = System.nanoTime();
        PostFanOuts posts = current;
        int post = postNumber(event);
        if (posts != null && post >= 0 && post < posts.posts()) {
            posts.arrived(post, member, now);
        }
    }

    /** The number a post's text carries ({@link #TAG}), or -1 when the event is not one of ours. */
    static int postNumber(Stanza event) {
        if (!(event.getExtensionElement("story", NAMESPACE) instanceof StandardExtensionElement story)) {
            return -1;
        }
        StandardExtensionElement text = story.getFirstElement("text");
        if (text != null && text.getText() != null && text.getText().startsWith(TAG)) {
            try {
                return Integer.parseInt(text.getText().substring(TAG.length()).trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    /** Posts one story after another, each once the one before reached every member (or timed out). */
    private void post(XMPPTCPConnection poster, PostFanOuts posts, String kind) throws Exception {
        current = posts;
        for (int i = 0; i < posts.posts(); i++) {
            StoryPostIq post = new StoryPostIq(TAG + i);
            int number = i;
            try (StanzaCollector answer = poster.createStanzaCollector(new StanzaIdFilter(post.getStanzaId()))) {
                posts.sent(i, System.nanoTime());
                poster.sendStanza(post);
                Stanza result = answer.nextResult(POST_TIMEOUT.toMillis());
                long answered = System.nanoTime();
                if (result == null || result.getError() != null) {
                    throw new IllegalStateException("Post " + i + " failed: " + (result == null ? "no answer"
                            : result.getError()));
                }
                posts.answered(i, answered);
            }
            LoadGenerators.awaitUntil(() -> posts.complete(number), POST_TIMEOUT);
            Thread.sleep(options.pauseMillis());
        }
        System.out.printf("%s: %d posts, events missing %d, duplicates %d%n", kind, posts.posts(),
                posts.missingInAll(), posts.duplicates());
    }

    private void print(PostFanOuts posts, Duration serverCpu) {
        System.out.printf(Locale.ROOT, "%nStory post fan-out to %d online audience members, %d posts one at a time "
                + "after %d warm-up posts:%n", options.members(), posts.posts(), options.warmup());
        print(posts.answers());
        print(posts.untilAllReceived());
        print(posts.deliveries());
        System.out.printf(Locale.ROOT, "events missing %d, duplicates %d; server CPU during the measured posts "
                + "%.1f s (JVM + PostgreSQL, pauses included), %.1f ms per post%n", posts.missingInAll(),
                posts.duplicates(), serverCpu.toMillis() / 1e3, serverCpu.toMillis() / (double) posts.posts());
    }

    private static void print(Latencies latencies) {
        System.out.printf(Locale.ROOT, "%s (%d): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", latencies.name(),
                latencies.count(), latencies.medianMillis(), latencies.p99Millis(), latencies.maxMillis());
    }

    /** {@code <post xmlns='urn:chatapp:stories:0'><text>…</text></post>}, sent to the poster's own account. */
    static final class StoryPostIq extends IQ {

        private final String text;

        StoryPostIq(String text) {
            super("post", NAMESPACE);
            this.text = text;
            setType(Type.set);
        }

        @Override
        protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
            xml.rightAngleBracket();
            xml.element("text", text);
            return xml;
        }
    }
}
