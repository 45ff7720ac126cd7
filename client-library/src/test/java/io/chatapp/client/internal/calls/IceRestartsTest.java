package io.chatapp.client.internal.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.internal.calls.jingle.BundleGroup;
import io.chatapp.client.internal.calls.jingle.Fingerprint;
import io.chatapp.client.internal.calls.jingle.IceCandidate;
import io.chatapp.client.internal.calls.jingle.IceUdpTransport;
import io.chatapp.client.internal.calls.jingle.JingleContent;
import io.chatapp.client.internal.calls.jingle.RtpDescription;
import io.chatapp.client.internal.calls.sdp.JingleContents;
import java.util.List;
import org.junit.jupiter.api.Test;

class IceRestartsTest {

    private static final IceCandidate CANDIDATE = new IceCandidate("1", 1, "udp", 1, "10.0.0.1", 9, "host", null,
            -1, 0, "c", 0);
    private static final Fingerprint FINGERPRINT = new Fingerprint("sha-256", "actpass", "AA");

    private static JingleContent content(String ufrag, List<IceCandidate> candidates) {
        return new JingleContent("initiator", "0", null, RtpDescription.of("audio"),
                new IceUdpTransport(ufrag, "pwd-" + ufrag, FINGERPRINT, candidates));
    }

    private final JingleContents known = new JingleContents(List.of(content("old", List.of(CANDIDATE))),
            new BundleGroup("BUNDLE", List.of("0")));

    @Test
    void newCredentialsAreARestartATrickledCandidateIsNot() {
        JingleContent trickle = new JingleContent("initiator", "0", null, null,
                new IceUdpTransport("old", "pwd-old", null, List.of(CANDIDATE)));
        JingleContent restart = new JingleContent("initiator", "0", null, null,
                new IceUdpTransport("new", "pwd-new", null, List.of()));

        assertThat(IceRestarts.changesCredentials(known, List.of(trickle))).isFalse();
        assertThat(IceRestarts.changesCredentials(known, List.of(restart))).isTrue();
    }

    @Test
    void aRestartKeepsTheDescriptionsAndFingerprintAndDropsOldCandidates() {
        JingleContent restart = new JingleContent("initiator", "0", null, null,
                new IceUdpTransport("new", "pwd-new", null, List.of()));

        JingleContents updated = IceRestarts.withTransports(known, List.of(restart));

        IceUdpTransport transport = updated.contents().get(0).transport();
        assertThat(transport.ufrag()).isEqualTo("new");
        assertThat(transport.pwd()).isEqualTo("pwd-new");
        assertThat(transport.fingerprint()).isSameAs(FINGERPRINT);
        assertThat(transport.candidates()).isEmpty();
        assertThat(updated.contents().get(0).description().media()).isEqualTo("audio");
        assertThat(updated.group().contentNames()).containsExactly("0");
    }

    @Test
    void theRestartTransportInfoCarriesOnlyCredentials() {
        List<JingleContent> sent = IceRestarts.credentialsOnly(List.of(content("new", List.of(CANDIDATE))));

        assertThat(sent.get(0).description()).isNull();
        assertThat(sent.get(0).transport().ufrag()).isEqualTo("new");
        assertThat(sent.get(0).transport().fingerprint()).isSameAs(FINGERPRINT);
        assertThat(sent.get(0).transport().candidates()).isEmpty();
    }
}
