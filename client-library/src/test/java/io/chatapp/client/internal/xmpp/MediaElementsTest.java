package io.chatapp.client.internal.xmpp;

import static io.chatapp.client.internal.xmpp.ProtocolElementsTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClientException;
import io.chatapp.client.ChatMessage;
import io.chatapp.client.MediaAttachment;
import io.chatapp.client.internal.Incoming;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.httpfileupload.element.FileTooLargeError;
import org.jivesoftware.smackx.mam.element.MamElements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;

/** Media messages (docs/protocol.md "Media messages (client)"): the elements, what the library sends and reads. */
class MediaElementsTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final String URL = "https://example.com:9090/media/v1/files/AbCdEfGhIjKlMnOpQrStUv/"
            + "photo%20one.jpg?k=1&s=xyz";
    private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static BareJid bob;

    @BeforeAll
    static void smack() throws Exception {
        ProtocolElementsTest.smack();
        bob = JidCreate.bareFrom("bob@example.com");
    }

    /** The media Bob reads in a chat message from Alice with these children. */
    private static MediaAttachment mediaIn(String childrenXml) throws Exception {
        Message message = parse("<message xmlns='jabber:client' from='alice@example.com/p' to='bob@example.com'"
                + " type='chat' id='m'>" + childrenXml + "</message>");
        return StanzaReader.read(message, Incoming.Source.LIVE, bob, NOW).media();
    }

    private static MediaAttachment photo() {
        return new MediaAttachment(URL, "photo one.jpg", "image/jpeg", 123_456L, 800, 600, null, SHA256,
                new MediaAttachment.Thumbnail("https://example.com:9090/media/v1/thumbs/x?s=1", "image/jpeg", 200,
                        150));
    }

    @Test
    void outOfBandDataRoundTrip() throws Exception {
        OutOfBandDataElement oob = new OutOfBandDataElement(URL, "a <photo>");
        String xml = oob.toXML().toString();
        assertThat(xml).isEqualTo("<x xmlns='jabber:x:oob'><url>" + URL.replace("&", "&amp;") + "</url>"
                + "<desc>a &lt;photo&gt;</desc></x>");
        Message message = parse("<message xmlns='jabber:client' from='a@example.com/x' type='chat'>" + xml
                + "</message>");
        OutOfBandDataElement read = message.getExtension(OutOfBandDataElement.class);
        assertThat(read.url()).isEqualTo(URL);
        assertThat(read.description()).isEqualTo("a <photo>");
    }

    @Test
    void fileMetadataRoundTrip() throws Exception {
        FileMetadataElement element = MediaElements.fileMetadata(new MediaAttachment(URL, "clip.mp4", "video/mp4",
                5_000_000L, 1920, 1080, Duration.ofMillis(63_000), SHA256,
                new MediaAttachment.Thumbnail("https://example.com/t", "image/jpeg", 200, 113)));
        String xml = element.toXML().toString();
        String base64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(SHA256));
        assertThat(xml).isEqualTo("<file xmlns='urn:xmpp:file:metadata:0'><media-type>video/mp4</media-type>"
                + "<name>clip.mp4</name><size>5000000</size><width>1920</width><height>1080</height>"
                + "<length>63000</length><hash xmlns='urn:xmpp:hashes:2' algo='sha-256'>" + base64 + "</hash>"
                + "<thumbnail xmlns='urn:xmpp:thumbs:1' uri='https://example.com/t' media-type='image/jpeg'"
                + " width='200' height='113'/></file>");

        Message message = parse("<message xmlns='jabber:client' type='chat'>" + xml + "</message>");
        FileMetadataElement.Metadata read = message.getExtension(FileMetadataElement.class).metadata();
        assertThat(read.mediaType()).isEqualTo("video/mp4");
        assertThat(read.name()).isEqualTo("clip.mp4");
        assertThat(read.size()).isEqualTo(5_000_000L);
        assertThat(read.width()).isEqualTo(1920);
        assertThat(read.height()).isEqualTo(1080);
        assertThat(read.length()).isEqualTo(63_000L);
        assertThat(HexFormat.of().formatHex(read.sha256())).isEqualTo(SHA256);
        assertThat(read.thumbnails()).containsExactly(
                new FileMetadataElement.Thumbnail("https://example.com/t", "image/jpeg", 200, 113));
    }

    @Test
    void fileMetadataToleratesOtherHashesOldDimensionsAndGarbage() throws Exception {
        Message message = parse("<message xmlns='jabber:client' type='chat'><file xmlns='urn:xmpp:file:metadata:0'>"
                + "<name>a.png</name><size>-5</size><dimensions>640x480</dimensions><desc>x</desc>"
                + "<hash xmlns='urn:xmpp:hashes:2' algo='sha-1'>w0mcJylzCn+AfvuGdqkty2+KP48=</hash>"
                + "<hash xmlns='urn:xmpp:hashes:2' algo='sha-256'>not base64!</hash>"
                + "<length>soon</length></file></message>");
        FileMetadataElement.Metadata read = message.getExtension(FileMetadataElement.class).metadata();
        assertThat(read.name()).isEqualTo("a.png");
        assertThat(read.size()).isNull();
        assertThat(read.width()).isEqualTo(640);
        assertThat(read.height()).isEqualTo(480);
        assertThat(read.sha256()).isNull();
        assertThat(read.length()).isNull();
        assertThat(read.thumbnails()).isEmpty();
    }

    @Test
    void aMediaMessageIsATextWithTheUrlPlusOutOfBandDataAndMetadata() throws Exception {
        String xml = Stanzas.media(JidCreate.from("bob@example.com"), "7f1c", photo()).toXML().toString();
        String url = URL.replace("&", "&amp;");
        assertThat(xml).startsWith("<message xmlns='jabber:client' to='bob@example.com' id='7f1c' type='chat'>")
                .contains("<body>" + url + "</body>")
                .contains("<x xmlns='jabber:x:oob'><url>" + url + "</url></x>")
                .contains("<file xmlns='urn:xmpp:file:metadata:0'><media-type>image/jpeg</media-type>"
                        + "<name>photo one.jpg</name><size>123456</size><width>800</width><height>600</height>"
                        + "<hash xmlns='urn:xmpp:hashes:2' algo='sha-256'>")
                .contains("<thumbnail xmlns='urn:xmpp:thumbs:1' uri='https://example.com:9090/media/v1/thumbs/x?s=1'"
                        + " media-type='image/jpeg' width='200' height='150'/>")
                .contains("<origin-id xmlns='urn:xmpp:sid:0' id='7f1c'/>")
                .contains("<request xmlns='urn:xmpp:receipts'/>")
                .contains("<markable xmlns='urn:xmpp:chat-markers:0'/>");

        Incoming read = StanzaReader.read(parse(xml.replace("to='bob@example.com'",
                "from='alice@example.com/phone' to='bob@example.com'")), Incoming.Source.LIVE, bob, NOW);
        assertThat(read.media()).isEqualTo(photo());
        ChatMessage message = read.toChatMessage();
        assertThat(message.hasMedia()).isTrue();
        assertThat(message.media().kind()).isEqualTo(MediaAttachment.Kind.IMAGE);
        assertThat(message.body()).isEqualTo(URL);
    }

    @Test
    void aGroupMediaMessageIsTheSameMessageOfTypeGroupchatToTheRoom() throws Exception {
        String xml = Stanzas.groupMedia(JidCreate.from("team@groups.example.com"), "9a2b", photo()).toXML()
                .toString();
        String url = URL.replace("&", "&amp;");
        assertThat(xml).startsWith("<message xmlns='jabber:client' to='team@groups.example.com' id='9a2b'"
                        + " type='groupchat'>")
                .contains("<body>" + url + "</body>")
                .contains("<x xmlns='jabber:x:oob'><url>" + url + "</url></x>")
                .contains("<file xmlns='urn:xmpp:file:metadata:0'><media-type>image/jpeg</media-type>")
                .contains("<origin-id xmlns='urn:xmpp:sid:0' id='9a2b'/>")
                .doesNotContain("urn:xmpp:receipts")
                .doesNotContain("urn:xmpp:chat-markers:0");

        // As the room reflects it to each member, from the sender's occupant address.
        Message reflected = parse(xml.replace("to='team@groups.example.com'",
                "from='team@groups.example.com/alice' to='bob@example.com/pc'"));
        assertThat(MediaElements.read(reflected)).isEqualTo(photo());
    }

    @Test
    void aGroupMediaMessageFromTheGroupArchiveKeepsItsAttachment() throws Exception {
        String stored = Stanzas.groupMedia(JidCreate.from("team@groups.example.com"), "9a2b", photo()).toXML()
                .toString().replace("to='team@groups.example.com'", "from='team@groups.example.com/alice'");
        Message result = parse("<message xmlns='jabber:client' from='team@groups.example.com'"
                + " to='bob@example.com/pc'><result xmlns='urn:xmpp:mam:2' queryid='q' id='42'>"
                + "<forwarded xmlns='urn:xmpp:forward:0'><delay xmlns='urn:xmpp:delay' stamp='2026-11-24T12:00:00Z'/>"
                + stored + "</forwarded></result></message>");
        Message archived = (Message) result.getExtension(MamElements.MamResultExtension.class).getForwarded()
                .getForwardedStanza();
        assertThat(MediaElements.read(archived)).isEqualTo(photo());
    }

    @Test
    void aConversationsStyleMessageWithOnlyBodyAndOutOfBandDataIsMedia() throws Exception {
        MediaAttachment media = mediaIn("<body>https://upload.example.com/abc/Voice%20note.m4a</body>"
                + "<x xmlns='jabber:x:oob'><url>https://upload.example.com/abc/Voice%20note.m4a</url></x>");
        assertThat(media.url()).isEqualTo("https://upload.example.com/abc/Voice%20note.m4a");
        assertThat(media.name()).isEqualTo("Voice note.m4a");
        assertThat(media.mediaType()).isEqualTo("audio/mp4");
        assertThat(media.kind()).isEqualTo(MediaAttachment.Kind.AUDIO);
        assertThat(media.size()).isNull();
        assertThat(media.sha256()).isNull();
        assertThat(media.thumbnail()).isNull();
    }

    @Test
    void aTextThatOnlyLinksSomewhereIsNotMedia() throws Exception {
        assertThat(mediaIn("<body>look at https://example.com/a.png</body>"
                + "<x xmlns='jabber:x:oob'><url>https://example.com/a.png</url></x>")).isNull();
        assertThat(mediaIn("<body>file:///etc/passwd</body>"
                + "<x xmlns='jabber:x:oob'><url>file:///etc/passwd</url></x>")).isNull();
        assertThat(mediaIn("<body>https://example.com/a.png</body>")).isNull();
        assertThat(mediaIn("<x xmlns='jabber:x:oob'><url>https://example.com/a.png</url></x>"))
                .as("no body at all").isNotNull();
    }

    @Test
    void namesFromTheNetworkLoseDirectoriesAndControlCharacters() throws Exception {
        MediaAttachment media = mediaIn("<body>https://example.com/f</body>"
                + "<x xmlns='jabber:x:oob'><url>https://example.com/f</url></x>"
                + "<file xmlns='urn:xmpp:file:metadata:0'><name>../../.bash\u202Erc\t</name></file>");
        assertThat(media.name()).isEqualTo("bashrc");
        assertThat(media.mediaType()).isEqualTo(MediaAttachment.UNKNOWN_TYPE);
        assertThat(media.kind()).isEqualTo(MediaAttachment.Kind.FILE);
    }

    @Test
    void mediaFromTheArchiveAndFromCarbons() throws Exception {
        String inner = "<message xmlns='jabber:client' from='bob@example.com/phone' to='alice@example.com'"
                + " type='chat' id='m9'><body>" + URL.replace("&", "&amp;") + "</body>"
                + "<x xmlns='jabber:x:oob'><url>" + URL.replace("&", "&amp;") + "</url></x>"
                + "<file xmlns='urn:xmpp:file:metadata:0'><media-type>image/jpeg</media-type><name>photo one.jpg"
                + "</name><size>123456</size></file></message>";
        Message result = parse("<message xmlns='jabber:client' to='bob@example.com/laptop' id='r'>"
                + "<result xmlns='urn:xmpp:mam:2' queryid='q' id='118'><forwarded xmlns='urn:xmpp:forward:0'>"
                + "<delay xmlns='urn:xmpp:delay' stamp='2026-11-24T10:15:30.123Z'/>" + inner
                + "</forwarded></result></message>");
        Incoming archived = StanzaReader.readArchived(MamElements.MamResultExtension.from(result), bob, NOW);
        assertThat(archived.media().name()).isEqualTo("photo one.jpg");
        assertThat(archived.media().size()).isEqualTo(123_456L);
        assertThat(archived.toChatMessage().outgoing()).isTrue();

        Incoming carbon = StanzaReader.read(parse(inner), Incoming.Source.CARBON, bob, NOW);
        assertThat(carbon.media()).isEqualTo(archived.media());
    }

    @Test
    void aRetractedMediaMessageHasNoMedia() throws Exception {
        assertThat(mediaIn("<x xmlns='jabber:x:oob'><url>https://example.com/a.png</url></x>"
                + "<retracted xmlns='urn:xmpp:message-retract:1' stamp='2026-11-24T11:00:00.000Z'/>")).isNull();
    }

    @Test
    void uploadServiceRefusalsHaveTheirOwnReasons() {
        StanzaError tooLarge = StanzaError.getBuilder(StanzaError.Condition.not_acceptable)
                .addExtension(new FileTooLargeError(16_777_216)).build();
        ChatClientException large = UploadSlots.refused(tooLarge, "big.png", null);
        assertThat(large.reason()).isEqualTo(ChatClientException.Reason.FILE_TOO_LARGE);
        assertThat(large.limit()).hasValue(16_777_216);
        assertThat(large.getMessage()).contains("big.png").contains("16777216");
        assertThat(UploadSlots.refused(StanzaError.getBuilder(StanzaError.Condition.resource_constraint).build(),
                "a", null).reason()).isEqualTo(ChatClientException.Reason.QUOTA_EXCEEDED);
        assertThat(UploadSlots.refused(StanzaError.getBuilder(StanzaError.Condition.not_acceptable).build(),
                "a", null).reason()).isEqualTo(ChatClientException.Reason.MEDIA_TYPE_REFUSED);
        assertThat(UploadSlots.refused(StanzaError.getBuilder(StanzaError.Condition.not_allowed).build(),
                "a", null).reason()).isEqualTo(ChatClientException.Reason.NOT_ALLOWED);
        assertThat(List.of(large.limit().getAsLong())).containsExactly(16_777_216L);
    }

    @Test
    void aSlotRefusedForAFullStoreIsTheServerBusyNotTheQuota() throws Exception {
        // As a chat-app server answers when its media store has no room (XEP-0363 §4.1's temporary error).
        IQ answer = parse("<iq xmlns='jabber:client' type='error' id='s1' from='upload.example.com'"
                + " to='alice@example.com/laptop'>"
                + "<request xmlns='urn:xmpp:http:upload:0' filename='large.txt' size='900000'"
                + " content-type='text/plain'/>"
                + "<error type='wait'><resource-constraint xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                + "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas' xml:lang='en'>The server has no room for this"
                + " file now; try again later.</text>"
                + "<retry xmlns='urn:xmpp:http:upload:0' stamp='2026-12-07T20:01:00Z'/></error></iq>");

        ChatClientException busy = UploadSlots.refused(answer.getError(), "large.txt", null);

        assertThat(busy.reason()).isEqualTo(ChatClientException.Reason.SERVER_BUSY);
        assertThat(busy.getMessage()).isEqualTo("The server could not store large.txt now: The server has no room"
                + " for this file now; try again later.");
        assertThat(busy.serverText()).hasValue("The server has no room for this file now; try again later.");
        // The quota, and another service's bare resource-constraint, come without a time to retry.
        IQ quota = parse("<iq xmlns='jabber:client' type='error' id='s2' from='upload.example.com'>"
                + "<error type='wait'><resource-constraint xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                + "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>over your quota</text></error></iq>");
        assertThat(UploadSlots.refused(quota.getError(), "large.txt", null).reason())
                .isEqualTo(ChatClientException.Reason.QUOTA_EXCEEDED);
    }
}
