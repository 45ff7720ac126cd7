package io.chatapp.client.internal.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.internal.calls.jingle.BundleGroup;
import io.chatapp.client.internal.calls.jingle.Fingerprint;
import io.chatapp.client.internal.calls.jingle.IceUdpTransport;
import io.chatapp.client.internal.calls.jingle.JingleContent;
import io.chatapp.client.internal.calls.jingle.PayloadType;
import io.chatapp.client.internal.calls.jingle.RtpDescription;
import io.chatapp.client.internal.calls.sdp.JingleContents;
import io.chatapp.client.internal.calls.sdp.JingleToSdp;
import io.chatapp.client.internal.calls.sdp.SdpToJingle;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContentChangesTest {

    /** A content with one payload type and an ICE-UDP transport; also for {@link VideoSwitchTest}. */
    static JingleContent content(String name, String media, String senders, String setup) {
        RtpDescription description = new RtpDescription.Builder(media)
                .payloadType(new PayloadType(media.equals("audio") ? 111 : 96, media.equals("audio") ? "opus" : "VP8",
                        media.equals("audio") ? 48000 : 90000, media.equals("audio") ? 2 : 1, List.of(), List.of()))
                .rtcpMux(true).build();
        return new JingleContent("initiator", name, senders, description, new IceUdpTransport("uf", "pw",
                new Fingerprint("sha-256", setup, "AB:CD"), List.of()));
    }

    private static final JingleContent AUDIO = content("0", "audio", null, "actpass");
    private static final JingleContent VIDEO = content("1", "video", null, "actpass");

    @Test
    void aContentAddCarriesTheNewSectionsOnlyUnderTheAddersRole() {
        List<JingleContent> added = ContentChanges.added(List.of(AUDIO), List.of(AUDIO, VIDEO), "responder");
        assertThat(added).extracting(JingleContent::name).containsExactly("1");
        assertThat(added.get(0).creator()).isEqualTo("responder");
        assertThat(ContentChanges.added(List.of(AUDIO, VIDEO), List.of(AUDIO, VIDEO), "initiator")).isEmpty();
    }

    @Test
    void aRemovedVideoStaysAsAnInactiveSectionAndCanBeAddedAgainUnderItsName() {
        List<JingleContent> removed = ContentChanges.removed(List.of(AUDIO, VIDEO), Set.of("1"));
        assertThat(ContentChanges.hasVideo(removed)).isFalse();
        assertThat(removed.get(1).senders()).isEqualTo("none");
        assertThat(ContentChanges.added(removed, List.of(AUDIO, VIDEO), "initiator"))
                .extracting(JingleContent::name).containsExactly("1");

        List<JingleContent> again = ContentChanges.merged(removed, List.of(VIDEO));
        assertThat(again).extracting(JingleContent::name).containsExactly("0", "1");
        assertThat(ContentChanges.hasVideo(again)).isTrue();
    }

    @Test
    void theSdpOfAnAddedOrRemovedVideoKeepsTheSectionOrderAndTheBundle() {
        List<JingleContent> both = ContentChanges.merged(List.of(AUDIO), List.of(VIDEO));
        String offer = JingleToSdp.map(new JingleContents(both, ContentChanges.bundle(both)), "s1", true);
        assertThat(offer).contains("a=group:BUNDLE 0 1\r\n");
        assertThat(offer.indexOf("m=audio")).isLessThan(offer.indexOf("m=video"));
        JingleContents back = SdpToJingle.map(offer, true);
        assertThat(back.contents()).extracting(JingleContent::name).containsExactly("0", "1");
        assertThat(back.group().contentNames()).containsExactly("0", "1");

        List<JingleContent> removed = ContentChanges.removed(both, Set.of("1"));
        String inactive = JingleToSdp.map(new JingleContents(removed, ContentChanges.bundle(removed)), "s1", true);
        assertThat(inactive.substring(inactive.indexOf("m=video"))).contains("a=inactive");
        assertThat(inactive).contains("a=group:BUNDLE 0 1\r\n");
    }

    @Test
    void asAnAnswerActpassBecomesThePeersRole() {
        JingleContents callerOffer = new JingleContents(List.of(AUDIO, VIDEO), new BundleGroup("BUNDLE",
                List.of("0", "1")));
        assertThat(ContentChanges.asAnswer(callerOffer).contents())
                .extracting(c -> c.transport().fingerprint().setup()).containsExactly("passive", "passive");

        JingleContents calleeAnswer = new JingleContents(List.of(content("0", "audio", null, "active"),
                content("1", "video", null, "actpass")), null);
        assertThat(ContentChanges.asAnswer(calleeAnswer).contents())
                .extracting(c -> c.transport().fingerprint().setup()).containsExactly("active", "active");
    }

    @Test
    void rejectsAndRemovesNameContentsWithoutDescribingThem() {
        assertThat(ContentChanges.stubs(List.of(VIDEO))).singleElement()
                .satisfies(c -> {
                    assertThat(c.description()).isNull();
                    assertThat(c.transport()).isNull();
                    assertThat(c.name()).isEqualTo("1");
                });
    }
}
