package io.chatapp.client.internal.calls;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;

/**
 * What this client announces in service discovery (XEP-0030, so entity caps carry it) about calls, the features
 * standard clients look for before calling or adding video: Jingle, RTP audio and video, ICE-UDP, DTLS-SRTP and JMI.
 */
final class CallFeatures {

    static final String RTP_VIDEO = "urn:xmpp:jingle:apps:rtp:video";
    private static final String[] FEATURES = {
        "urn:xmpp:jingle:1", "urn:xmpp:jingle:apps:rtp:1", "urn:xmpp:jingle:apps:rtp:audio", RTP_VIDEO,
        "urn:xmpp:jingle:transports:ice-udp:1", "urn:xmpp:jingle:apps:dtls:0", "urn:xmpp:jingle-message:0",
    };

    private CallFeatures() {
    }

    static void announce(XMPPConnection connection) {
        ServiceDiscoveryManager disco = ServiceDiscoveryManager.getInstanceFor(connection);
        for (String feature : FEATURES) {
            disco.addFeature(feature);
        }
    }
}
