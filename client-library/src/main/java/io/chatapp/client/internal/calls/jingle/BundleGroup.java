package io.chatapp.client.internal.calls.jingle;

import io.chatapp.client.internal.xmpp.QualifiedElement;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * XEP-0338 {@code <group xmlns="urn:xmpp:jingle:apps:grouping:0" semantics="BUNDLE"><content name="0"/>…</group>}
 * in the jingle element: SDP {@code a=group:BUNDLE 0 1}.
 */
public final class BundleGroup extends QualifiedElement {

    public static final String NAMESPACE = "urn:xmpp:jingle:apps:grouping:0";
    public static final QName QNAME = new QName(NAMESPACE, "group");

    private final String semantics;
    private final List<String> contentNames;

    public BundleGroup(String semantics, List<String> contentNames) {
        super(QNAME);
        this.semantics = semantics;
        this.contentNames = List.copyOf(contentNames);
    }

    public String semantics() {
        return semantics;
    }

    public List<String> contentNames() {
        return contentNames;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosing) {
        XmlStringBuilder xml = new XmlStringBuilder(this, enclosing);
        xml.attribute("semantics", semantics);
        if (contentNames.isEmpty()) {
            return xml.closeEmptyElement();
        }
        xml.rightAngleBracket();
        for (String name : contentNames) {
            xml.halfOpenElement("content").attribute("name", name).closeEmptyElement();
        }
        return xml.closeElement(this);
    }

    /** Parses {@code <group/>}; a missing semantics or content name fails the parse. */
    public static final class Provider extends ExtensionElementProvider<BundleGroup> {
        @Override
        public BundleGroup parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws SmackParsingException, XmlPullParserException, java.io.IOException {
            String semantics = JingleXml.required(parser, "semantics");
            List<String> names = new ArrayList<>();
            JingleXml.children(parser, initialDepth, (name, namespace, p) -> {
                if ("content".equals(name)) {
                    names.add(JingleXml.required(p, "name"));
                }
            });
            return new BundleGroup(semantics, names);
        }
    }
}
