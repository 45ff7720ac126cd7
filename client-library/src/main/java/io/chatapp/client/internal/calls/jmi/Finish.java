package io.chatapp.client.internal.calls.jmi;

import io.chatapp.client.internal.calls.jingle.JingleReason;
import java.util.List;
import org.jivesoftware.smack.packet.Element;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * XEP-0353 {@code <finish id="…"><reason xmlns="urn:xmpp:jingle:1"><success/></reason></finish>}: the session that
 * was proceeded ended; sent to the peer's full JID so every device and the archive learn it. With
 * {@code <migrated to="sid"/>} the session was replaced by another one.
 */
public final class Finish extends JmiElement {

    public static final String ELEMENT = "finish";

    private final Migrated migrated;

    /** @param migratedTo the replacing session's id, null when the call really ended */
    public Finish(String id, JingleReason reason, String migratedTo) {
        super(ELEMENT, id, reason);
        this.migrated = migratedTo == null ? null : new Migrated(migratedTo);
    }

    /** Null unless the session migrated. */
    public String migratedTo() {
        return migrated == null ? null : migrated.to();
    }

    @Override
    protected List<Element> extraChildren() {
        return migrated == null ? List.of() : List.of(migrated);
    }

    /** Parses {@code <finish/>} with its reason and migration; a missing id fails the parse. */
    public static final class Provider extends ExtensionElementProvider<Finish> {
        @Override
        public Finish parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws SmackParsingException, XmlPullParserException, java.io.IOException {
            Migrated[] migrated = new Migrated[1];
            JmiParsing.Common common = JmiParsing.read(parser, initialDepth, (name, namespace, p) -> {
                if (Migrated.ELEMENT.equals(name)) {
                    migrated[0] = new Migrated.Provider().parse(p);
                }
            });
            return new Finish(common.id(), common.reason(), migrated[0] == null ? null : migrated[0].to());
        }
    }
}
