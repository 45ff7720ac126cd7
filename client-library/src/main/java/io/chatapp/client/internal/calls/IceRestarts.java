package io.chatapp.client.internal.calls;

import io.chatapp.client.internal.calls.jingle.IceUdpTransport;
import io.chatapp.client.internal.calls.jingle.JingleContent;
import io.chatapp.client.internal.calls.sdp.JingleContents;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * ICE restarts as Conversations does them: a {@code transport-info} whose transports carry new ufrag and pwd (and
 * the fingerprint) and no candidates; the peer answers with its own new credentials the same way, then both trickle
 * candidates again.
 */
final class IceRestarts {

    /** How long a lost connection may recover by itself before the initiator restarts ICE. */
    static final long GRACE_MILLIS = 2_000;
    /** How long after ICE failed the call is given up. */
    static final long GIVE_UP_MILLIS = 30_000;

    private IceRestarts() {
    }

    /** Whether a transport-info carries credentials other than the ones the peer described last. */
    static boolean changesCredentials(JingleContents known, List<JingleContent> received) {
        for (JingleContent content : received) {
            IceUdpTransport transport = content.transport();
            if (transport == null || transport.ufrag() == null) {
                continue;
            }
            for (JingleContent before : known.contents()) {
                if (before.name().equals(content.name()) && before.transport() != null
                        && !Objects.equals(before.transport().ufrag(), transport.ufrag())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The peer's contents with the transports (credentials, fingerprint) a restart brought, without candidates. */
    static JingleContents withTransports(JingleContents known, List<JingleContent> received) {
        List<JingleContent> updated = new ArrayList<>();
        for (JingleContent before : known.contents()) {
            IceUdpTransport transport = before.transport();
            for (JingleContent content : received) {
                IceUdpTransport fresh = content.transport();
                if (content.name().equals(before.name()) && fresh != null && fresh.ufrag() != null) {
                    transport = new IceUdpTransport(fresh.ufrag(), fresh.pwd(),
                            fresh.fingerprint() != null ? fresh.fingerprint()
                                    : transport == null ? null : transport.fingerprint(), List.of());
                }
            }
            updated.add(new JingleContent(before.creator(), before.name(), before.senders().equals("both") ? null
                    : before.senders(), before.description(), transport));
        }
        return new JingleContents(updated, known.group());
    }

    /** The contents of a restart's transport-info: each transport's credentials and fingerprint, no candidates. */
    static List<JingleContent> credentialsOnly(List<JingleContent> contents) {
        List<JingleContent> transports = new ArrayList<>();
        for (JingleContent content : contents) {
            IceUdpTransport transport = content.transport();
            transports.add(new JingleContent(content.creator(), content.name(), null, null,
                    new IceUdpTransport(transport.ufrag(), transport.pwd(), transport.fingerprint(), List.of())));
        }
        return transports;
    }
}
