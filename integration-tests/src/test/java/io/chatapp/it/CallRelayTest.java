package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.calls.CallNetwork;
import io.chatapp.devserver.calls.CallPartyProcess;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import io.chatapp.devserver.turn.CoturnServer;
import io.chatapp.devserver.turn.PeerUsage;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
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
        assertThat(alicesRelay.receivedBytes()).as("bytes bob's relay sent alice's").isGreaterThan(RELAYED_BYTES);
        assertThat(alicesRelay.sentBytes()).as("bytes alice's relay sent bob's").isGreaterThan(RELAYED_BYTES);
        assertThat(bobsRelay.receivedBytes()).as("bytes alice's relay sent bob's").isGreaterThan(RELAYED_BYTES);
        assertThat(bobsRelay.sentBytes()).as("bytes bob's relay sent alice's").isGreaterThan(RELAYED_BYTES);
    }

    /** Waits for the usage coturn logged for the user's allocation (its username is {@code expiry:user@domain}). */
    private static PeerUsage awaitPeerUsage(TestUser user) throws Exception {
        return PeerUsage.await(COTURN.log(), user.jid(), Duration.ofSeconds(15));
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
