package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.calls.CallNetwork;
import io.chatapp.devserver.calls.CallPartyProcess;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Switching a call between audio and video, with real media between two library clients in network namespaces (the
 * {@link CallMediaTest} harness): the request to add video declined (the call stays audio, sound still flows), then
 * asked by the other side and accepted (decoded frames both ways), then video taken out again (frames stop, sound
 * goes on). One call for all of it, so the suite adds one server boot and one call setup.
 */
@ExtendWith(ChatServerExtension.class)
class CallVideoSwitchTest {

    private static final Duration SETUP = Duration.ofSeconds(30);

    private final DevServer server;
    private final TestUsers users;
    private CallNetwork network;
    private CallPartyProcess alice;
    private CallPartyProcess bob;

    CallVideoSwitchTest(DevServer server, TestUsers users) {
        this.server = server;
        this.users = users;
    }

    @AfterEach
    void stop() throws Exception {
        if (alice != null) {
            alice.close();
        }
        if (bob != null) {
            bob.close();
        }
        if (network != null) {
            network.close();
        }
    }

    @Test
    void anAudioCallGoesToVideoAndBackAndADeclineKeepsTheAudio() throws Exception {
        assumeTrue(CallNetwork.available(), "network namespaces need root and iproute2");
        network = CallNetwork.create();
        TestUser bobUser = users.create("bob");
        alice = CallPartyProcess.start(network.addParty(), network.serverAddress(), server, users.create("alice"),
                "laptop");
        bob = CallPartyProcess.start(network.addParty(), network.serverAddress(), server, bobUser, "phone");

        alice.send("call " + bobUser.jid());
        assertThat(bob.await("EVENT Incoming", SETUP)).endsWith(" false");
        bob.send("accept");
        alice.await("EVENT Connected", SETUP);
        bob.await("EVENT Connected", SETUP);
        bob.awaitMedia(false, SETUP);

        alice.send("video on");
        bob.await("EVENT VideoRequested", SETUP);
        bob.send("video decline");
        assertThat(alice.await("EVENT VideoRefused", SETUP)).isEqualTo("EVENT VideoRefused DECLINED");
        assertHearsAnotherSecond(bob);
        assertHearsAnotherSecond(alice);

        bob.send("video on");
        alice.await("EVENT VideoRequested", SETUP);
        alice.send("video accept");
        assertThat(alice.await("EVENT VideoChanged", SETUP)).isEqualTo("EVENT VideoChanged true true");
        assertThat(bob.await("EVENT VideoChanged", SETUP)).isEqualTo("EVENT VideoChanged true false");
        assertSeesFrames(alice, 15);
        assertSeesFrames(bob, 15);

        alice.send("video off");
        assertThat(alice.await("EVENT VideoChanged", SETUP)).isEqualTo("EVENT VideoChanged false false");
        assertThat(bob.await("EVENT VideoChanged", SETUP)).isEqualTo("EVENT VideoChanged false true");
        Thread.sleep(1_000); // frames already on their way
        long framesBefore = bob.media()[1];
        assertHearsAnotherSecond(bob);
        assertThat(bob.media()[1] - framesBefore).as("frames decoded after video was removed").isLessThan(5);

        assertThat(alice.output()).noneMatch(line -> line.startsWith("EVENT Ended"));
        alice.send("hangup");
        bob.await("EVENT Ended PEER_HUNG_UP", SETUP);
    }

    /** The party's received sound grows by at least a second from now on. */
    private static void assertHearsAnotherSecond(CallPartyProcess party) throws Exception {
        assertGrows(party, 0, 1000, "sound received, ms");
    }

    /** The party decodes at least {@code frames} more video frames from now on. */
    private static void assertSeesFrames(CallPartyProcess party, long frames) throws Exception {
        assertGrows(party, 1, frames, "decoded video frames");
    }

    private static void assertGrows(CallPartyProcess party, int counter, long by, String what) throws Exception {
        long before = party.media()[counter];
        long deadline = System.nanoTime() + SETUP.toNanos();
        while (party.media()[counter] - before < by && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(party.media()[counter] - before).as(what).isGreaterThanOrEqualTo(by);
    }
}
