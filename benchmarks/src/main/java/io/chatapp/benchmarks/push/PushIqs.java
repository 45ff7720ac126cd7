package io.chatapp.benchmarks.push;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;

/** XEP-0357 enable and disable, sent by a device's session for itself, waiting for the server's result. */
final class PushIqs extends IQ {

    private static final String NAMESPACE = "urn:xmpp:push:0";

    private final String appServer;
    private final String node;

    private PushIqs(String element, String appServer, String node) {
        super(element, NAMESPACE);
        this.appServer = appServer;
        this.node = node;
        setType(Type.set);
    }

    static void enable(XMPPTCPConnection device, String appServer, String node) throws Exception {
        device.createStanzaCollectorAndSend(new PushIqs("enable", appServer, node)).nextResultOrThrow();
    }

    /** Disables every node of the app server for the device's account. */
    static void disable(XMPPTCPConnection device, String appServer) throws Exception {
        device.createStanzaCollectorAndSend(new PushIqs("disable", appServer, null)).nextResultOrThrow();
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.attribute("jid", appServer);
        xml.optAttribute("node", node);
        xml.setEmptyElement();
        return xml;
    }
}
