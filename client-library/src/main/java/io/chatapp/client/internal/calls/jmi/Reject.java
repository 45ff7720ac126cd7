package io.chatapp.client.internal.calls.jmi;

import io.chatapp.client.internal.calls.jingle.JingleReason;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/** XEP-0353 {@code <reject id="…"/>}: the callee declines (reason decline, or busy); its carbon stops the callee's other devices ringing. */
public final class Reject extends JmiElement {

    public static final String ELEMENT = "reject";

    /** @param reason null for none */
    public Reject(String id, JingleReason reason) {
        super(ELEMENT, id, reason);
    }

    /** Parses {@code <reject/>}; a missing id fails the parse. */
    public static final class Provider extends ExtensionElementProvider<Reject> {
        @Override
        public Reject parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws SmackParsingException, XmlPullParserException, java.io.IOException {
            JmiParsing.Common common = JmiParsing.read(parser, initialDepth, (name, namespace, p) -> { });
            return new Reject(common.id(), common.reason());
        }
    }
}
