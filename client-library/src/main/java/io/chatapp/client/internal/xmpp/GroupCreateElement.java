package io.chatapp.client.internal.xmpp;

import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;

/**
 * {@code <create xmlns="urn:chatapp:groups:0"/>} in the presence that enters a new room of the group service: asks the
 * server to create a group. Without it the plugin refuses creating a room there with {@code not-allowed}, so that a
 * standard MUC client never makes a group by accident (docs/protocol.md, Groups). Only sent, never parsed.
 */
public final class GroupCreateElement extends QualifiedElement {

    public static final String NAMESPACE = GroupsIQ.NAMESPACE;
    public static final String ELEMENT = "create";
    public static final QName QNAME = new QName(NAMESPACE, ELEMENT);

    public GroupCreateElement() {
        super(QNAME);
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosingNamespace) {
        return new XmlStringBuilder(this, enclosingNamespace).closeEmptyElement();
    }
}
