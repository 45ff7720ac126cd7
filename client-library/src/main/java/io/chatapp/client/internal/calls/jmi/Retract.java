package io.chatapp.client.internal.calls.jmi;

import io.chatapp.client.internal.calls.jingle.JingleReason;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/** XEP-0353 {@code <retract id="…"/>}: the caller withdraws the proposal before it was answered (reason cancel, or timeout). */
public final class Retract extends JmiElement {

    public static final String ELEMENT = "retract";

    /** @param reason null for none */
    public Retract(String id, JingleReason reason) {
        super(ELEMENT, id, reason);
    }

    /** Parses {@code <retract/>}; a missing id fails the parse. */
    public static final class Provider extends ExtensionElementProvider<Retract> {
        @Override
        public Retract parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws SmackParsingException, XmlPullParserException, java.io.IOException {
            JmiParsing.Common common = JmiParsing.read(parser, initialDepth, (name, namespace, p) -> { });
            return new Retract(common.id(), common.reason());
        }
    }
}
