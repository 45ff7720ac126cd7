package io.chatapp.client.internal.calls.jingle;

import io.chatapp.client.internal.xmpp.QualifiedElement;
import java.util.List;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;

/**
 * An empty {@code <parameter name="…" value="…"/>}: what a payload-type's parameter (XEP-0167) and a source's
 * parameter (XEP-0339) share; they differ in namespace and in whether the value may be absent.
 */
public abstract class NameValueElement extends QualifiedElement {

    private final String name;
    private final String value;

    protected NameValueElement(QName qname, String name, String value) {
        super(qname);
        this.name = name;
        this.value = value;
    }

    public final String name() {
        return name;
    }

    /** Null when absent. */
    protected final String rawValue() {
        return value;
    }

    @Override
    public final XmlStringBuilder toXML(XmlEnvironment enclosing) {
        return JingleXml.write(this, enclosing, xml -> xml.attribute("name", name).optAttribute("value", value),
                List.of());
    }
}
