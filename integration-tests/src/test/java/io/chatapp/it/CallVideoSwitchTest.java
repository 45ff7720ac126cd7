package io.chatapp.it;

import static io.chatapp.it.ReceivedMediaAssertions.assertHearsAnotherSecond;
import static io.chatapp.it.ReceivedMediaAssertions.assertSeesFrames;
import static io.chatapp.it.ReceivedMediaAssertions.framesSeen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.calls.CallNetwork;
import io.chatapp.devserver.calls.CallPartyProcess;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUsers;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Switching a call between audio and video, with real media between two library clients in network namespaces
 * ({@link CallPair}): the request to add video declined (the call stays audio, sound still flows), then asked by the
 * other side and accepted (decoded frames both ways), then video taken out again (frames stop, sound goes on), then
 * added once more (the section left inactive is used again). One call for all of it, so the suite adds one server
 * boot and one call setup.
 */
@ExtendWith(ChatServerExtension.class)
class CallVideoSwitchTest {

    private static final Duration SETUP = Duration.ofSeconds(30);

    private final DevServer server;
    private final TestUsers users;
    private CallPair pair;

    CallVideoSwitchTest(DevServer server, TestUsers users) {
        this.server = server;
        this.users = users;
    }

    @AfterEach
    void stop() throws Exception {
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    void anAudioCallGoesToVideoAndBackAndADeclineKeepsTheAudio() throws Exception {
        assumeTrue(CallNetwork.available(), "network namespaces need root and iproute2");
        pair = CallPair.start(server, users);
        CallPartyProcess alice = pair.alice();
        CallPartyProcess bob = pair.bob();

        alice.send("call " + pair.bobJid());
        assertThat(bob.await("EVENT Incoming", SETUP)).endsWith(" false");
        bob.send("accept");
        alice.await("EVENT Connected", SETUP);
        bob.await("EVENT Connected", SETUP);
        bob.awaitMedia(false, SETUP);

        alice.send("video on");
        bob.await("EVENT VideoRequested", SETUP);
        bob.send("video decline");
        assertThat(alice.await("EVENT VideoRefused", SETUP)).isEqualTo("EVENT VideoRefused DECLINED");
        assertHearsAnotherSecond(bob, SETUP);
        assertHearsAnotherSecond(alice, SETUP);

        videoAddedBy(bob, alice);

        alice.send("video off");
        assertThat(alice.await("EVENT VideoChanged", SETUP)).isEqualTo("EVENT VideoChanged false false");
        assertThat(bob.await("EVENT VideoChanged", SETUP)).isEqualTo("EVENT VideoChanged false true");
        Thread.sleep(1_000); // frames already on their way
        long framesBefore = framesSeen(bob);
        assertHearsAnotherSecond(bob, SETUP);
        assertThat(framesSeen(bob) - framesBefore).as("frames decoded after video was removed").isLessThan(5);

        videoAddedBy(alice, bob); // again: the inactive video section and the camera track are used again

        assertThat(alice.output()).noneMatch(line -> line.startsWith("EVENT Ended"));
        alice.send("hangup");
        bob.await("EVENT Ended PEER_HUNG_UP", SETUP);
    }

    /** {@code asker} asks to add video, {@code answerer} accepts: both see it added, and frames arrive both ways. */
    private static void videoAddedBy(CallPartyProcess asker, CallPartyProcess answerer) throws Exception {
        asker.send("video on");
        answerer.await("EVENT VideoRequested", SETUP);
        answerer.send("video accept");
        assertThat(answerer.await("EVENT VideoChanged", SETUP)).isEqualTo("EVENT VideoChanged true true");
        assertThat(asker.await("EVENT VideoChanged", SETUP)).isEqualTo("EVENT VideoChanged true false");
        assertSeesFrames(answerer, 15, SETUP);
        assertSeesFrames(asker, 15, SETUP);
    }
}
