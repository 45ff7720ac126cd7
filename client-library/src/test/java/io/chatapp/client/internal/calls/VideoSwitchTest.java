package io.chatapp.client.internal.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.CallEndReason;
import io.chatapp.client.CallState;
import io.chatapp.client.VideoRefusal;
import io.chatapp.client.internal.calls.jingle.JingleContent;
import io.chatapp.client.internal.calls.jingle.JingleIQ;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The guards of {@link VideoSwitch}: which content actions a call answers with which XEP-0166 error, and which
 * refusal the user sees, without media (a call still ringing, a connection never opened). Adding, declining and
 * removing video on a connected call with real media is {@code CallVideoSwitchTest}'s.
 */
class VideoSwitchTest {

    private final CallThread thread = new CallThread("video-switch-test");
    private final List<VideoChange> changes = new CopyOnWriteArrayList<>();
    private CallSession ringing;

    @BeforeEach
    void ringingCall() throws Exception {
        XMPPTCPConnection offline = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain("example.org").build());
        CallSession.Observer observer = new CallSession.Observer() {
            @Override
            public void stateChanged(CallSession session, CallState state, CallEndReason reason) {
            }

            @Override
            public void peerMediaChanged(CallSession session) {
            }

            @Override
            public void videoChanged(CallSession session, VideoChange change) {
                changes.add(change);
            }
        };
        CallSession.Context context = new CallSession.Context(new CallStanzas(() -> offline), thread,
                (servers, relayOnly, video, listener) -> {
                    throw new AssertionError("no media in these tests");
                }, observer, Clock.systemUTC(), false);
        ringing = onThread(() -> CallSession.proposed(context, "s1", JidCreate.from("alice@example.org/laptop"),
                false));
    }

    @AfterEach
    void stop() {
        thread.close();
    }

    private <T> T onThread(java.util.concurrent.Callable<T> task) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return task.call();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, thread.executor()).get(10, TimeUnit.SECONDS);
    }

    private StanzaError answer(String action, List<JingleContent> contents) throws Exception {
        JingleIQ request = new JingleIQ(action, "s1", null, null, contents, null, null, null);
        IQ answer = onThread(() -> ringing.jingle(request));
        return answer.getType() == IQ.Type.error ? answer.getError() : null;
    }

    private static void assertJingleError(StanzaError error, StanzaError.Condition condition, String jingle) {
        // StanzaError and its generic getExtension make assertThat(...) ambiguous: compared as Objects
        assertThat((Object) error).as("an error answer").isNotNull();
        assertThat(error.getCondition()).isEqualTo(condition);
        ExtensionElement jingleCondition = error.getExtension(jingle, "urn:xmpp:jingle:errors:1");
        assertThat((Object) jingleCondition).as(jingle).isNotNull();
    }

    @Test
    void aContentAddThatIsNotVideoOrLacksItsTransportIsABadRequest() throws Exception {
        JingleContent audio = ContentChangesTest.content("1", "audio", null, "actpass");
        JingleContent video = ContentChangesTest.content("1", "video", null, "actpass");
        JingleContent bare = new JingleContent("responder", "1", null, video.description(), null);

        assertThat(answer("content-add", List.of(audio)).getCondition()).isEqualTo(StanzaError.Condition.bad_request);
        assertThat(answer("content-add", List.of(bare)).getCondition()).isEqualTo(StanzaError.Condition.bad_request);
        assertThat(answer("content-add", List.of()).getCondition()).isEqualTo(StanzaError.Condition.bad_request);
    }

    @Test
    void videoAskedForBeforeTheCallIsConnectedIsOutOfOrder() throws Exception {
        JingleContent video = ContentChangesTest.content("1", "video", null, "actpass");

        assertJingleError(answer("content-add", List.of(video)), StanzaError.Condition.unexpected_request,
                "out-of-order");
        assertThat(changes).as("no request reaches the user").isEmpty();
    }

    @Test
    void anAcceptOrRejectOfNothingAskedIsOutOfOrder() throws Exception {
        List<JingleContent> stub = ContentChanges.stubs(List.of(ContentChangesTest.content("1", "video", null,
                "actpass")));

        assertJingleError(answer("content-accept", stub), StanzaError.Condition.unexpected_request, "out-of-order");
        assertJingleError(answer("content-reject", stub), StanzaError.Condition.unexpected_request, "out-of-order");
    }

    @Test
    void onlyVideoInTheCallCanBeRemoved() throws Exception {
        List<JingleContent> audio = ContentChanges.stubs(List.of(ContentChangesTest.content("0", "audio", null,
                "actpass")));

        assertThat(answer("content-remove", audio).getCondition()).isEqualTo(StanzaError.Condition.bad_request);
        assertThat(answer("content-remove", List.of()).getCondition()).isEqualTo(StanzaError.Condition.bad_request);
    }

    @Test
    void contentModifyIsNotImplemented() throws Exception {
        assertJingleError(answer("content-modify", List.of()), StanzaError.Condition.feature_not_implemented,
                "unsupported-info");
    }

    @Test
    void askingForVideoBeforeTheCallIsConnectedIsRefusedAsNotNowAndAnswersNothing() throws Exception {
        onThread(() -> {
            ringing.enableVideo();
            ringing.acceptVideo(); // nothing asked: nothing happens
            ringing.declineVideo();
            ringing.disableVideo();
            return null;
        });

        assertThat(changes).containsExactly(VideoChange.refused(VideoRefusal.NOT_NOW));
    }

    @Test
    void aPeerErrorToTheRequestTellsWhyItWasRefused() {
        assertThat(VideoSwitch.refusal(error(StanzaError.Condition.conflict))).isEqualTo(VideoRefusal.NOT_NOW);
        assertThat(VideoSwitch.refusal(new CompletionException(error(StanzaError.Condition.unexpected_request))))
                .isEqualTo(VideoRefusal.NOT_NOW);
        assertThat(VideoSwitch.refusal(error(StanzaError.Condition.feature_not_implemented)))
                .isEqualTo(VideoRefusal.UNSUPPORTED);
        assertThat(VideoSwitch.refusal(error(StanzaError.Condition.service_unavailable)))
                .isEqualTo(VideoRefusal.UNSUPPORTED);
        assertThat(VideoSwitch.refusal(new SmackException.NotConnectedException()))
                .isEqualTo(VideoRefusal.UNSUPPORTED);
    }

    private static XMPPException.XMPPErrorException error(StanzaError.Condition condition) {
        return new XMPPException.XMPPErrorException(null, StanzaError.getBuilder(condition).build());
    }
}
