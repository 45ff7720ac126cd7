package io.chatapp.it;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reading xmpp.js' IQ replies where a test needs values from them: service discovery and an upload slot. */
final class XmppJsDisco {

    private XmppJsDisco() {
    }

    /** A XEP-0363 slot: where to PUT (with which headers) and where to GET. */
    record Slot(String put, Map<String, String> putHeaders, String get) {
    }

    /** The first item of the domain's disco#items whose disco#info names {@code feature} (XEP-0030). */
    static String serviceWithFeature(XmppJsClient client, String domain, String feature) throws Exception {
        Element items = parse(client.iq("<iq type='get' to='" + domain + "' id='items'>"
                + "<query xmlns='http://jabber.org/protocol/disco#items'/></iq>"));
        NodeList found = items.getElementsByTagNameNS("http://jabber.org/protocol/disco#items", "item");
        for (int i = 0; i < found.getLength(); i++) {
            String jid = ((Element) found.item(i)).getAttribute("jid");
            Element info = parse(client.iq("<iq type='get' to='" + jid + "' id='info'>"
                    + "<query xmlns='http://jabber.org/protocol/disco#info'/></iq>"));
            NodeList features = info.getElementsByTagNameNS("http://jabber.org/protocol/disco#info", "feature");
            for (int j = 0; j < features.getLength(); j++) {
                if (feature.equals(((Element) features.item(j)).getAttribute("var"))) {
                    return jid;
                }
            }
        }
        throw new AssertionError("no service of " + domain + " offers " + feature);
    }

    static Slot slot(String reply) throws Exception {
        String ns = "urn:xmpp:http:upload:0";
        Element iq = parse(reply);
        NodeList puts = iq.getElementsByTagNameNS(ns, "put");
        NodeList gets = iq.getElementsByTagNameNS(ns, "get");
        if (puts.getLength() != 1 || gets.getLength() != 1) {
            throw new AssertionError("not an upload slot: " + reply);
        }
        Element put = (Element) puts.item(0);
        Map<String, String> headers = new LinkedHashMap<>();
        NodeList headerElements = put.getElementsByTagNameNS(ns, "header");
        for (int i = 0; i < headerElements.getLength(); i++) {
            Element header = (Element) headerElements.item(i);
            headers.put(header.getAttribute("name"), header.getTextContent());
        }
        return new Slot(put.getAttribute("url"), headers, ((Element) gets.item(0)).getAttribute("url"));
    }

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }
}
