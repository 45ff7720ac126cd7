package io.chatapp.client.internal.calls.jmi;

import io.chatapp.client.internal.calls.jingle.JingleReason;
import io.chatapp.client.internal.calls.jingle.JingleXml;
import io.chatapp.client.internal.xmpp.QualifiedElement;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.Element;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;

/**
 * What the XEP-0353 elements share: the session id ({@code id}, which becomes the Jingle sid) and an optional
 * Jingle reason. Subclasses add their own children.
 */
public abstract class JmiElement extends QualifiedElement {

    public static final String NAMESPACE = "urn:xmpp:jingle-message:0";
    /** The elements, in the order a call meets them. */
    public static final List<String> ELEMENTS = List.of("propose", "ringing", "proceed", "reject", "retract",
            "finish");

    private final String id;
    private final JingleReason reason;

    protected JmiElement(String element, String id, JingleReason reason) {
        super(new QName(NAMESPACE, element));
        this.id = id;
        this.reason = reason;
    }

    public final String id() {
        return id;
    }

    /** Null when there is none. */
    public final JingleReason reason() {
        return reason;
    }

    /** Children beside the reason; none by default. */
    protected List<Element> extraChildren() {
        return List.of();
    }

    @Override
    public final XmlStringBuilder toXML(XmlEnvironment enclosing) {
        List<Element> children = new ArrayList<>(extraChildren());
        if (reason != null) {
            children.add(reason);
        }
        return JingleXml.write(this, enclosing, xml -> xml.attribute("id", id), children);
    }

    /** The JMI element of a message, or null when it has none. */
    public static JmiElement from(Message message) {
        for (String element : ELEMENTS) {
            if (message.getExtensionElement(element, NAMESPACE) instanceof JmiElement jmi) {
                return jmi;
            }
        }
        return null;
    }
}
