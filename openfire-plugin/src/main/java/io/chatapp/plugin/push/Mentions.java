package io.chatapp.plugin.push;

import java.util.HashSet;
import java.util.Set;
import org.dom4j.Element;

/**
 * Who a message mentions: by our element {@code <mention xmlns='urn:chatapp:notifications:0' jid='…'/>} or by a
 * XEP-0372 reference {@code <reference xmlns='urn:xmpp:reference:0' type='mention' uri='xmpp:…'/>}.
 */
public final class Mentions {

    public static final String REFERENCE = "urn:xmpp:reference:0";

    private final Set<String> jids;

    private Mentions(Set<String> jids) {
        this.jids = jids;
    }

    /** The mentions among the children of a message element. */
    public static Mentions of(Element message) {
        Set<String> jids = new HashSet<>();
        for (Element child : message.elements()) {
            String namespace = child.getNamespaceURI();
            if (NotificationsXml.NAMESPACE.equals(namespace) && child.getName().equals("mention")) {
                add(jids, child.attributeValue("jid"));
            } else if (REFERENCE.equals(namespace) && child.getName().equals("reference")
                    && "mention".equals(child.attributeValue("type"))) {
                String uri = child.attributeValue("uri");
                if (uri != null && uri.startsWith("xmpp:")) {
                    int query = uri.indexOf('?');
                    add(jids, uri.substring("xmpp:".length(), query < 0 ? uri.length() : query));
                }
            }
        }
        return new Mentions(jids);
    }

    private static void add(Set<String> jids, String jid) {
        if (jid != null && !jid.isBlank()) {
            int slash = jid.indexOf('/');
            jids.add((slash < 0 ? jid : jid.substring(0, slash)).toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** Whether the bare JID is mentioned. */
    public boolean names(String bareJid) {
        return jids.contains(bareJid.toLowerCase(java.util.Locale.ROOT));
    }
}
