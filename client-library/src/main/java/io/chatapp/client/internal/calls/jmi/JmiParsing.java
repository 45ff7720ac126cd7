package io.chatapp.client.internal.calls.jmi;

import io.chatapp.client.internal.calls.jingle.JingleReason;
import io.chatapp.client.internal.calls.jingle.JingleXml;
import java.io.IOException;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/** Reads the id and the reason every JMI element may have; the other children go to the caller's reader. */
final class JmiParsing {

    private JmiParsing() {
    }

    /** The id and reason read from an element; {@code id} is required. */
    record Common(String id, JingleReason reason) {
    }

    static Common read(XmlPullParser parser, int initialDepth, JingleXml.ChildReader others)
            throws SmackParsingException, XmlPullParserException, IOException {
        String id = JingleXml.required(parser, "id");
        JingleReason[] reason = new JingleReason[1];
        JingleXml.children(parser, initialDepth, (name, namespace, p) -> {
            if ("reason".equals(name)) {
                reason[0] = new JingleReason.Provider().parse(p);
            } else {
                others.read(name, namespace, p);
            }
        });
        return new Common(id, reason[0]);
    }
}
