package io.chatapp.client.internal.calls.jmi;

import io.chatapp.client.internal.calls.jingle.JingleReason;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/** XEP-0353 {@code <ringing id="…"/>}: the callee's device rings; sent to the caller's full JID. */
public final class Ringing extends JmiElement {

    public static final String ELEMENT = "ringing";

    /** @param reason null for none */
    public Ringing(String id, JingleReason reason) {
        super(ELEMENT, id, reason);
    }

    /** Parses {@code <ringing/>}; a missing id fails the parse. */
    public static final class Provider extends ExtensionElementProvider<Ringing> {
        @Override
        public Ringing parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws SmackParsingException, XmlPullParserException, java.io.IOException {
            JmiParsing.Common common = JmiParsing.read(parser, initialDepth, (name, namespace, p) -> { });
            return new Ringing(common.id(), common.reason());
        }
    }
}
