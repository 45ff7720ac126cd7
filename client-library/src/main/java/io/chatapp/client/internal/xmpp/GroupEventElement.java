package io.chatapp.client.internal.xmpp;

import java.time.Instant;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;

/**
 * {@code <event xmlns="urn:chatapp:groups:0" type="member-added" actor="…" target="…" value="…" stamp="…"/>} in a
 * groupchat message from a group's room: a system event.
 */
public final class GroupEventElement implements ExtensionElement {

    public static final String NAMESPACE = GroupsIQ.NAMESPACE;
    public static final String ELEMENT = "event";
    public static final QName QNAME = new QName(NAMESPACE, ELEMENT);

    private final String type;
    private final String actor;
    private final String target;
    private final String value;
    private final Instant stamp;

    public GroupEventElement(String type, String actor, String target, String value, Instant stamp) {
        this.type = type;
        this.actor = actor;
        this.target = target;
        this.value = value;
        this.stamp = stamp;
    }

    public String type() {
        return type;
    }

    public String actor() {
        return actor;
    }

    public String target() {
        return target;
    }

    public String value() {
        return value;
    }

    /** When it happened, or null when the server gave no time. */
    public Instant stamp() {
        return stamp;
    }

    @Override
    public String getNamespace() {
        return NAMESPACE;
    }

    @Override
    public String getElementName() {
        return ELEMENT;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment environment) {
        XmlStringBuilder xml = new XmlStringBuilder(this, environment);
        xml.attribute("type", type);
        xml.optAttribute("actor", actor);
        xml.optAttribute("target", target);
        xml.optAttribute("value", value);
        xml.optAttribute("stamp", stamp == null ? null : XmppTimes.format(stamp));
        xml.closeEmptyElement();
        return xml;
    }

    public static final class Provider extends ExtensionElementProvider<GroupEventElement> {
        @Override
        public GroupEventElement parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws SmackParsingException {
            String stamp = Elements.attribute(parser, "stamp");
            GroupEventElement element = new GroupEventElement(Elements.attribute(parser, "type"),
                    Elements.attribute(parser, "actor"), Elements.attribute(parser, "target"),
                    Elements.attribute(parser, "value"), stamp == null ? null : XmppTimes.parse(stamp));
            Elements.skipToEnd(parser, initialDepth);
            return element;
        }
    }
}
