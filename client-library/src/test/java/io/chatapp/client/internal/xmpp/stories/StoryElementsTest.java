package io.chatapp.client.internal.xmpp.stories;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.Story;
import io.chatapp.client.StoryAudience;
import io.chatapp.client.StoryFeedEntry;
import io.chatapp.client.StoryKind;
import io.chatapp.client.StoryMedia;
import io.chatapp.client.StoryViewer;
import java.time.Instant;
import java.util.List;
import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Round trips of {@code urn:chatapp:stories:0} (docs/protocol.md, Status stories): written, parsed, written again. */
class StoryElementsTest {

    private static final Instant POSTED = Instant.parse("2026-12-06T10:15:30.123Z");
    private static final Instant EXPIRES = Instant.parse("2026-12-07T10:15:30.123Z");
    private static final Story TEXT = new Story("0123456789abcdef0123456789abcdef", "alice@example", StoryKind.TEXT,
            "Hello <world> & all", "#0088cc", "serif", null, null, POSTED, EXPIRES, false, null);
    private static final Story VIDEO = new Story("fedcba9876543210fedcba9876543210", "alice@example", StoryKind.VIDEO,
            null, null, null, new StoryMedia("https://media.example/files/abc/clip.mp4?sig=1&exp=2", "video/mp4",
            12_345, "clip.mp4"), "At the beach", POSTED, EXPIRES, true, 3);

    @BeforeAll
    static void smack() {
        SmackConfiguration.getDefaultReplyTimeout();
        StoryRequests.register();
        // Only a server reads a post; registered here for the round trip.
        ProviderManager.addIQProvider(PostIQ.ELEMENT, StoryXml.NAMESPACE, new PostIQ.Provider());
    }

    @SuppressWarnings("unchecked")
    private static <S extends Stanza> S parse(String xml) throws Exception {
        return (S) PacketParserUtils.parseStanza(xml);
    }

    @Test
    void theStoryEventOfAHeadline() throws Exception {
        for (Story story : List.of(TEXT, VIDEO)) {
            String xml = "<message xmlns='jabber:client' type='headline' from='example' to='bob@example'>"
                    + new StoryElement(story).toXML().toString() + "</message>";
            Message message = parse(xml);
            assertThat(((StoryElement) message.getExtension(StoryElement.QNAME)).story()).isEqualTo(story);
        }
        assertThat(new StoryElement(TEXT).toXML().toString()).isEqualTo("<story xmlns='urn:chatapp:stories:0'"
                + " id='0123456789abcdef0123456789abcdef' owner='alice@example' kind='text'"
                + " posted='2026-12-06T10:15:30.123Z' expires='2026-12-07T10:15:30.123Z' seen='false'>"
                + "<text color='#0088cc' font='serif'>Hello &lt;world&gt; &amp; all</text></story>");
    }

    @Test
    void postRequestsAndTheirAnswer() throws Exception {
        PostIQ text = PostIQ.text("Hi", "#ffffff", null);
        text.setStanzaId("p1");
        assertThat(text.toXML().toString()).isEqualTo("<iq xmlns='jabber:client' id='p1' type='set'>"
                + "<post xmlns='urn:chatapp:stories:0'><text color='#ffffff'>Hi</text></post></iq>");
        PostIQ parsedText = parse(text.toXML().toString());
        assertThat(parsedText.text()).isEqualTo("Hi");
        assertThat(parsedText.color()).isEqualTo("#ffffff");

        PostIQ media = PostIQ.media("https://media.example/files/abc/x.jpg?sig=1", "Caption");
        PostIQ parsedMedia = parse(media.toXML().toString());
        assertThat(parsedMedia.mediaUrl()).isEqualTo("https://media.example/files/abc/x.jpg?sig=1");
        assertThat(parsedMedia.caption()).isEqualTo("Caption");

        StoryIQ answer = parse("<iq xmlns='jabber:client' type='result' id='p1'>"
                + new StoryElement(VIDEO).toXML() + "</iq>");
        assertThat(answer.story()).isEqualTo(VIDEO);
        StoryIQ again = parse(answer.toXML().toString());
        assertThat(again.story()).isEqualTo(VIDEO);
    }

    @Test
    void feedStoriesAndViewers() throws Exception {
        FeedIQ feed = new FeedIQ(List.of(new StoryFeedEntry("bob@example", 2, 1, POSTED, false),
                new StoryFeedEntry("carol@example", 1, 0, EXPIRES, true)));
        feed.setType(org.jivesoftware.smack.packet.IQ.Type.result);
        assertThat(((FeedIQ) parse(feed.toXML().toString())).entries()).isEqualTo(feed.entries());
        assertThat(new FeedIQ().toXML().toString()).contains("<feed xmlns='urn:chatapp:stories:0'/>");

        assertThat(new StoriesIQ("alice@example").toXML().toString())
                .contains("<stories xmlns='urn:chatapp:stories:0' owner='alice@example'/>");
        StoriesIQ stories = new StoriesIQ("alice@example", List.of(TEXT, VIDEO));
        stories.setType(org.jivesoftware.smack.packet.IQ.Type.result);
        StoriesIQ parsedStories = parse(stories.toXML().toString());
        assertThat(parsedStories.owner()).isEqualTo("alice@example");
        assertThat(parsedStories.stories()).containsExactly(TEXT, VIDEO);

        ViewersIQ viewers = new ViewersIQ(TEXT.id(), List.of(new StoryViewer("bob@example", POSTED)));
        viewers.setType(org.jivesoftware.smack.packet.IQ.Type.result);
        ViewersIQ parsedViewers = parse(viewers.toXML().toString());
        assertThat(parsedViewers.storyId()).isEqualTo(TEXT.id());
        assertThat(parsedViewers.viewers()).isEqualTo(viewers.viewers());
    }

    @Test
    void privacyAndActions() throws Exception {
        PrivacyIQ set = PrivacyIQ.set(StoryAudience.EXCEPT, List.of("bob@example"), false);
        set.setStanzaId("s1");
        assertThat(set.toXML().toString()).isEqualTo("<iq xmlns='jabber:client' id='s1' type='set'>"
                + "<privacy xmlns='urn:chatapp:stories:0' audience='except' read-receipts='false'>"
                + "<member jid='bob@example'/></privacy></iq>");
        PrivacyIQ parsed = parse(set.toXML().toString());
        assertThat(parsed.audience()).isEqualTo(StoryAudience.EXCEPT);
        assertThat(parsed.members()).containsExactly("bob@example");
        assertThat(parsed.readReceipts()).isFalse();
        assertThat(PrivacyIQ.get().toXML().toString()).contains("<privacy xmlns='urn:chatapp:stories:0'/>");

        StoryActionIQ mute = StoryActionIQ.mute("bob@example", true);
        mute.setStanzaId("m1");
        assertThat(mute.toXML().toString()).isEqualTo("<iq xmlns='jabber:client' id='m1' type='set'>"
                + "<mute xmlns='urn:chatapp:stories:0' jid='bob@example' muted='true'/></iq>");
        assertThat(StoryActionIQ.view("abc").toXML().toString())
                .contains("<view xmlns='urn:chatapp:stories:0' id='abc'/>");
        assertThat(StoryActionIQ.delete("abc").toXML().toString())
                .contains("<delete xmlns='urn:chatapp:stories:0' id='abc'/>");
        StoryActionIQ parsedMute = new StoryActionIQ.Provider().parse(
                org.jivesoftware.smack.util.PacketParserUtils.getParserFor(
                        "<mute xmlns='urn:chatapp:stories:0' jid='bob@example' muted='false'/>"));
        assertThat(parsedMute.attributes()).containsEntry("jid", "bob@example").containsEntry("muted", "false");
    }
}
