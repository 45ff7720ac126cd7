package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.calls.CallNetwork;
import io.chatapp.devserver.calls.CallPartyProcess;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real calls between two library clients, each in its own JVM and network namespace: the server routes JMI and
 * Jingle, libwebrtc connects over the namespaces' link, and each side measures what it receives (audio that carries
 * sound, decoded video frames), both ways. Mute and camera off reach the peer as XEP-0167 session-info.
 */
@ExtendWith(ChatServerExtension.class)
class CallMediaTest {

    private static final Duration SETUP = Duration.ofSeconds(30);
    private static final int NARROW_KBIT = 300;
    /** What "sends more again" means: well above the narrowed link. */
    private static final long RECOVERED_KBPS = 2 * NARROW_KBIT;
    /**
     * The freeze a sudden drop may cost: what is queued in front of the narrow link (1 s) is late or lost, and the
     * next key frame crosses the narrow link. Measured up to 2.4 s on a loaded machine after a 1.5 Mbit/s sender
     * met the 300 kbit/s link; the narrowed phase lasts about 9 s, so video that never came back would show a
     * longer gap.
     */
    private static final long NARROWING_GAP_MILLIS = 5_000;
    /** Once adapted, and while only XMPP reconnects, the frames keep coming (measured at most about 320 ms). */
    private static final long STEADY_GAP_MILLIS = 1_500;

    private final DevServer server;
    private final TestUsers users;
    private CallNetwork network;
    private CallPartyProcess alice;
    private CallPartyProcess bob;
    /** Each party's XMPP connection goes through one, so a test can cut it. */
    private TcpProxy aliceXmpp;
    private TcpProxy bobXmpp;

    CallMediaTest(DevServer server, TestUsers users) {
        this.server = server;
        this.users = users;
    }

    @BeforeEach
    void startParties() throws Exception {
        assumeTrue(CallNetwork.available(), "network namespaces need root and iproute2");
        network = CallNetwork.create();
        TestUser aliceUser = users.create("alice");
        TestUser bobUser = users.create("bob");
        InetAddress bridge = InetAddress.getByName(network.serverAddress());
        aliceXmpp = new TcpProxy(bridge, server.xmppPort());
        bobXmpp = new TcpProxy(bridge, server.xmppPort());
        alice = CallPartyProcess.start(network.addParty(), network.serverAddress(), aliceXmpp.port(), server,
                aliceUser, "laptop", false);
        bob = CallPartyProcess.start(network.addParty(), network.serverAddress(), bobXmpp.port(), server, bobUser,
                "phone", false);
        this.bobJid = bobUser.jid();
    }

    private String bobJid;

    @AfterEach
    void stop() throws Exception {
        if (alice != null) {
            alice.close();
        }
        if (bob != null) {
            bob.close();
        }
        for (TcpProxy proxy : new TcpProxy[] {aliceXmpp, bobXmpp}) {
            if (proxy != null) {
                proxy.close();
            }
        }
        if (network != null) {
            network.close();
        }
    }

    @Test
    void videoCallCarriesAudioAndVideoBothWaysAndMuteAndCameraReachThePeer() throws Exception {
        alice.send("call " + bobJid + " video");
        assertThat(bob.await("EVENT Incoming", SETUP)).endsWith(" true");
        alice.await("EVENT Ringing", SETUP);
        bob.send("accept");
        alice.await("EVENT Connected", SETUP);
        bob.await("EVENT Connected", SETUP);

        alice.awaitMedia(true, SETUP);
        bob.awaitMedia(true, SETUP);

        bob.send("mute on");
        assertThat(alice.await("EVENT PeerMediaChanged", SETUP)).isEqualTo("EVENT PeerMediaChanged true true");
        bob.send("camera off");
        assertThat(alice.await("EVENT PeerMediaChanged", SETUP)).isEqualTo("EVENT PeerMediaChanged true false");

        alice.send("hangup");
        assertThat(alice.await("EVENT Ended", SETUP)).startsWith("EVENT Ended HUNG_UP ");
        String ended = bob.await("EVENT Ended", SETUP);
        assertThat(ended).startsWith("EVENT Ended PEER_HUNG_UP ");
        assertThat(Long.parseLong(ended.split(" ")[3])).as("duration ms").isGreaterThan(1000);
    }

    @Test
    void audioCallCarriesSoundBothWays() throws Exception {
        bob.send("call " + alice.jid().split("/")[0]);
        assertThat(alice.await("EVENT Incoming", SETUP)).endsWith(" false");
        alice.send("accept");
        bob.await("EVENT Connected", SETUP);
        alice.await("EVENT Connected", SETUP);

        alice.awaitMedia(false, SETUP);
        bob.awaitMedia(false, SETUP);

        bob.send("hangup");
        alice.await("EVENT Ended PEER_HUNG_UP", SETUP);
    }

    /**
     * A 5 s cut of the caller's link (XMPP and media alike): libwebrtc keeps the ICE pair through it, so media resumes
     * on the same pair and the call never ends. (A longer outage that fails ICE is restarted by the initiator with
     * new credentials, {@code IceRestarts}; this test does not reach that point.)
     */
    @Test
    void callSurvivesAFiveSecondNetworkCut() throws Exception {
        connectedAudioCallFromAliceToBob();

        network.cut(0, true);
        Thread.sleep(5_000);
        network.cut(0, false);

        assertBobHearsAnotherSecond();
        assertThat(alice.output()).noneMatch(line -> line.startsWith("EVENT Ended"));
        assertThat(bob.output()).noneMatch(line -> line.startsWith("EVENT Ended"));
        alice.send("hangup");
        bob.await("EVENT Ended PEER_HUNG_UP", SETUP);
    }

    /**
     * A 12 s cut of the callee's link, long enough for libwebrtc to call the connection lost: the call shows
     * Reconnecting, then Connected again once the link is back, with media flowing. (The initiator also starts an
     * ICE restart 2 s into the outage; here the old pair recovers first, so the test does not depend on the restart
     * completing.)
     */
    @Test
    void longerCutShowsReconnectingAndTheCallRecovers() throws Exception {
        connectedAudioCallFromAliceToBob();

        network.cut(1, true);
        Thread.sleep(12_000);
        network.cut(1, false);

        alice.await("EVENT Reconnecting", SETUP);
        alice.await("EVENT Connected", SETUP);
        assertBobHearsAnotherSecond();
        alice.send("hangup");
        bob.await("EVENT Ended PEER_HUNG_UP", SETUP);
    }

    /**
     * Adaptive streaming: Alice's uplink narrowed to {@value #NARROW_KBIT} kbit/s (tc tbf in her namespace) makes her
     * send less (libwebrtc's congestion control, and the quality ladder's lower step: CallEvent.QualityChanged);
     * lifted, she sends more again. Bob's video may freeze as the link narrows (what was queued in front of it is late
     * or lost), but for less than 5 s, and not again once Alice has adapted: no gap of 1.5 s on the narrow link.
     * Meanwhile Alice's XMPP connection is cut: she reconnects, Bob's frames keep coming (no gap of 1.5 s), the call
     * goes on and her hang-up still reaches Bob.
     */
    @Test
    void videoFollowsANarrowedLinkWithoutFreezingAndSurvivesAnXmppReconnection() throws Exception {
        alice.send("call " + bobJid + " video");
        bob.await("EVENT Incoming", SETUP);
        bob.send("accept");
        alice.await("EVENT Connected", SETUP);
        bob.awaitMedia(true, SETUP);
        long wide = sentKbpsReaching(alice, RECOVERED_KBPS); // congestion control's first probes take a while
        longestGapSeenByBob(); // from here on

        network.limit(0, NARROW_KBIT);
        String stepDown = alice.await("EVENT QualityChanged", SETUP);
        Thread.sleep(8_000);
        long narrowingGap = longestGapSeenByBob();
        long narrowed = alice.sentKbps(Duration.ofSeconds(5));
        long narrowGap = longestGapSeenByBob();

        network.unlimit(0);
        aliceXmpp.cutAll();
        alice.await("STATE RECONNECTING", SETUP);
        awaitBackOnline(alice);
        long recovered = sentKbpsReaching(alice, RECOVERED_KBPS);
        long reconnectionGap = longestGapSeenByBob();
        System.out.printf("Adaptive video: %d kbit/s sent on the wide link, %d under %d kbit/s (%s), %d after; "
                + "longest gap between Bob's frames %d ms as the link narrowed, %d ms on the narrow link, "
                + "%d ms around the XMPP reconnection%n",
                wide, narrowed, NARROW_KBIT, stepDown, recovered, narrowingGap, narrowGap, reconnectionGap);

        assertThat(wide).as("kbit/s sent on the wide link").isGreaterThanOrEqualTo(RECOVERED_KBPS);
        assertThat(stepDown).matches("EVENT QualityChanged (MEDIUM|LOW|MINIMAL) \\d+");
        assertThat(narrowed).as("kbit/s sent under the limit").isLessThan(NARROW_KBIT);
        assertThat(recovered).as("kbit/s sent once the limit is lifted").isGreaterThanOrEqualTo(RECOVERED_KBPS);
        assertThat(narrowingGap).as("longest time without a decoded frame as the link narrowed, ms")
                .isLessThan(NARROWING_GAP_MILLIS);
        assertThat(narrowGap).as("longest time without a decoded frame on the narrow link, ms")
                .isLessThan(STEADY_GAP_MILLIS);
        assertThat(reconnectionGap).as("longest time without a decoded frame around the XMPP reconnection, ms")
                .isLessThan(STEADY_GAP_MILLIS);
        assertThat(alice.output()).noneMatch(line -> line.startsWith("EVENT Ended"));

        alice.send("hangup");
        bob.await("EVENT Ended PEER_HUNG_UP", SETUP);
    }

    /**
     * Recovery that only an ICE restart can bring: Bob's device moves to another address (its XMPP connection is
     * reset and its old address removed), so every candidate pair the call used is dead for good. The caller sees
     * the call Reconnecting, restarts ICE (a transport-info with new ufrag and pwd) once Bob's XMPP session is back,
     * and the call is Connected again with sound flowing, on the new address.
     */
    @Test
    void iceRestartAloneRecoversACallWhoseOldPathIsGone() throws Exception {
        connectedAudioCallFromAliceToBob();

        bobXmpp.cutAll();
        Thread.sleep(200); // the reset reaches Bob before his address goes
        network.readdress(1);

        alice.await("EVENT Reconnecting", SETUP);
        awaitBackOnline(bob);
        alice.await("EVENT Connected", SETUP);
        assertThat(alice.output()).anyMatch(line -> line.startsWith("LOG ")
                && line.contains("the peer answered our ICE restart"));
        assertThat(bob.output()).anyMatch(line -> line.startsWith("LOG ")
                && line.contains("the peer began an ICE restart"));
        assertBobHearsAnotherSecond();
        alice.send("hangup");
        bob.await("EVENT Ended PEER_HUNG_UP", SETUP);
    }

    /**
     * The party's send rate in 3 s windows, measured until it reaches {@code kbps} (congestion control ramps up over
     * seconds, slower on a loaded machine) or 40 s pass; the last window's rate.
     */
    private static long sentKbpsReaching(CallPartyProcess party, long kbps) throws Exception {
        long sent = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (sent < kbps && System.nanoTime() < deadline) {
            sent = party.sentKbps(Duration.ofSeconds(3));
        }
        return sent;
    }

    /** The longest time Bob went without a new decoded frame since the last time this was asked, in ms. */
    private long longestGapSeenByBob() throws Exception {
        bob.send("gap");
        return Long.parseLong(bob.await("GAP", SETUP).split(" ")[1]);
    }

    /** Waits for the party's XMPP session to be back: resumed (XEP-0198), or a new one. */
    private static void awaitBackOnline(CallPartyProcess party) throws Exception {
        String state;
        do {
            state = party.await("STATE", SETUP);
        } while (!state.equals("STATE RESUMED") && !state.equals("STATE AUTHENTICATED"));
    }

    private void connectedAudioCallFromAliceToBob() throws Exception {
        alice.send("call " + bobJid);
        bob.await("EVENT Incoming", SETUP);
        bob.send("accept");
        alice.await("EVENT Connected", SETUP);
        bob.await("EVENT Connected", SETUP);
        bob.awaitMedia(false, SETUP);
    }

    /** Bob's received sound grows by at least a second from now on. */
    private void assertBobHearsAnotherSecond() throws Exception {
        ReceivedMediaAssertions.assertHearsAnotherSecond(bob, SETUP);
    }
}
