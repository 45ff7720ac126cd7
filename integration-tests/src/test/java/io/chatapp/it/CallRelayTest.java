package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import io.chatapp.devserver.turn.CoturnServer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A relay-only call through a real coturn: both parties set {@code ChatClientConfig.relayOnlyCalls}, so libwebrtc
 * gathers only relayed candidates, from the TURN service and credentials the plugin hands out (XEP-0215). coturn
 * listens on the namespaces' bridge, where both parties reach it, and allocates its relayed addresses there too. The
 * call carries sound both ways, and coturn's log shows that each user's TURN allocation (username
 * {@code expiry:user@domain}, the TURN REST scheme) relayed the media. (~15 s: one server, one coturn, two party
 * JVMs.)
 */
class CallRelayTest {

    private static final Duration SETUP = Duration.ofSeconds(30);

    /** Made before the server, whose plugin settings name coturn's address on the bridge; null without root. */
    private static final CallNetwork NETWORK = CallNetwork.available() ? CallRelayTest.<CallNetwork>unchecked(
            CallNetwork::create) : null;
    private static final CoturnServer COTURN = NETWORK == null ? null : startCoturnOnTheBridge();
    /** At least a second of Opus (about 5 kB at libwebrtc's default bitrate), relayed each way. */
    private static final long RELAYED_BYTES = 4_000;

    @RegisterExtension
    static final ChatServerExtension SERVER = ChatServerExtension.withProperties(
            COTURN == null ? Map.of() : COTURN.chatAppProperties());

    @AfterAll
    static void stopNetwork() {
        if (COTURN != null) {
            COTURN.close();
        }
        if (NETWORK != null) {
            NETWORK.close();
        }
    }

    @Test
    void relayOnlyAudioCallCarriesSoundBothWaysThroughCoturn(DevServer server, TestUsers users) throws Exception {
        assumeTrue(NETWORK != null, "network namespaces need root and iproute2");
        TestUser aliceUser = users.create("alice");
        TestUser bobUser = users.create("bob");
        try (CallPartyProcess alice = CallPartyProcess.start(NETWORK.addParty(), NETWORK.serverAddress(), server,
                aliceUser, "laptop", true);
             CallPartyProcess bob = CallPartyProcess.start(NETWORK.addParty(), NETWORK.serverAddress(), server,
                     bobUser, "phone", true)) {
            alice.send("call " + bobUser.jid());
            bob.await("EVENT Incoming", SETUP);
            bob.send("accept");
            alice.await("EVENT Connected", SETUP);
            bob.await("EVENT Connected", SETUP);
            alice.awaitMedia(false, SETUP);
            bob.awaitMedia(false, SETUP);
            alice.send("hangup");
            bob.await("EVENT Ended PEER_HUNG_UP", SETUP);
        }
        // Hanging up frees the allocations; coturn then logs what each one relayed to and from its peer.
        PeerUsage alicesRelay = awaitPeerUsage(aliceUser);
        PeerUsage bobsRelay = awaitPeerUsage(bobUser);
        assertThat(alicesRelay.received()).as("bytes bob's relay sent alice's").isGreaterThan(RELAYED_BYTES);
        assertThat(alicesRelay.sent()).as("bytes alice's relay sent bob's").isGreaterThan(RELAYED_BYTES);
        assertThat(bobsRelay.received()).as("bytes alice's relay sent bob's").isGreaterThan(RELAYED_BYTES);
        assertThat(bobsRelay.sent()).as("bytes bob's relay sent alice's").isGreaterThan(RELAYED_BYTES);
    }

    /** What a TURN allocation exchanged with its peers, from coturn's {@code peer usage} line when it was freed. */
    private record PeerUsage(long received, long sent) {
    }

    /**
     * Waits for the {@code peer usage} line of the user's allocation, whose username is the TURN REST one the plugin
     * issued: {@code expiry:user@domain}.
     */
    private static PeerUsage awaitPeerUsage(TestUser user) throws Exception {
        Pattern line = Pattern.compile("peer usage: realm=<[^>]*>, username=<\\d+:" + Pattern.quote(user.jid())
                + ">, rp=\\d+, rb=(\\d+), sp=\\d+, sb=(\\d+)");
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            Matcher usage = line.matcher(Files.readString(COTURN.log(), StandardCharsets.UTF_8));
            if (usage.find()) {
                return new PeerUsage(Long.parseLong(usage.group(1)), Long.parseLong(usage.group(2)));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("coturn logged no relay usage for " + user.jid() + "; see " + COTURN.log());
            }
            Thread.sleep(250);
        }
    }

    private static CoturnServer startCoturnOnTheBridge() {
        try {
            return unchecked(() -> CoturnServer.start(Files.createTempDirectory("coturn-"),
                    InetAddress.getByName(NETWORK.serverAddress())));
        } catch (RuntimeException e) {
            NETWORK.close();
            throw e;
        }
    }

    /** A step of the static fixture that may throw. */
    private interface Step<T> {
        T run() throws IOException, InterruptedException;
    }

    private static <T> T unchecked(Step<T> step) {
        try {
            return step.run();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
