package io.chatapp.client.internal.xmpp.stories;

import io.chatapp.client.Story;
import java.io.IOException;
import java.util.Objects;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * {@code <story xmlns="urn:chatapp:stories:0" id owner kind posted expires seen [views]>} with {@code <text/>} or
 * {@code <media/>} and {@code <caption/>}: one story, in the headline the server sends when a contact posts.
 */
public final class StoryElement implements ExtensionElement {

    public static final String NAMESPACE = StoryXml.NAMESPACE;
    public static final String ELEMENT = "story";
    public static final QName QNAME = new QName(NAMESPACE, ELEMENT);

    private final Story story;

    public StoryElement(Story story) {
        this.story = Objects.requireNonNull(story, "story");
    }

    public Story story() {
        return story;
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
        StoryXml.writeStory(xml, story);
        xml.closeElement(ELEMENT);
        return xml;
    }

    public static final class Provider extends ExtensionElementProvider<StoryElement> {
        @Override
        public StoryElement parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws XmlPullParserException, IOException, SmackParsingException {
            return new StoryElement(StoryXml.readStory(parser));
        }
    }
}
