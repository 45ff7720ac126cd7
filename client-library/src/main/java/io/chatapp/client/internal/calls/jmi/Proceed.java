package io.chatapp.client.internal.calls.jmi;

import io.chatapp.client.internal.calls.jingle.JingleReason;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/** XEP-0353 {@code <proceed id="…"/>}: the callee accepts on this device; the caller then sends session-initiate to the sender's full JID. Its carbon stops the callee's other devices ringing. */
public final class Proceed extends JmiElement {

    public static final String ELEMENT = "proceed";

    /** @param reason null for none */
    public Proceed(String id, JingleReason reason) {
        super(ELEMENT, id, reason);
    }

    /** Parses {@code <proceed/>}; a missing id fails the parse. */
    public static final class Provider extends ExtensionElementProvider<Proceed> {
        @Override
        public Proceed parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws SmackParsingException, XmlPullParserException, java.io.IOException {
            JmiParsing.Common common = JmiParsing.read(parser, initialDepth, (name, namespace, p) -> { });
            return new Proceed(common.id(), common.reason());
        }
    }
}
