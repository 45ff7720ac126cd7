package io.chatapp.it;

import static io.chatapp.it.ClientFailures.failureOf;
import static io.chatapp.it.ClientFailures.reasonOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClient;
import io.chatapp.client.ChatClientException;
import io.chatapp.client.ChatClientException.Reason;
import io.chatapp.client.ChatMessage;
import io.chatapp.client.HistoryPage;
import io.chatapp.client.MediaAttachment;
import io.chatapp.client.MediaProgressListener;
import io.chatapp.client.MessageStatus;
import io.chatapp.client.SentMedia;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6 through the client library against the real server: each kind of media uploaded, sent, received with its
 * metadata and downloaded verified; carbons and history; refusals; a standard client's link-only message; retraction
 * revoking the link; fresh URLs through the token API.
 */
@ExtendWith(ChatServerExtension.class)
class MediaClientTest {

    private final DevServer server;
    private final TestUsers users;

    @TempDir
    Path files;

    MediaClientTest(DevServer server, TestUsers users) {
        this.server = server;
        this.users = users;
    }

    /** Sends the file from a to b, returns what b received after checking it matches what a sent. */
    private static ChatMessage sendAndReceive(ChatClient a, Inbox<ChatMessage> bInbox, String to, Path file)
            throws Exception {
        List<long[]> progress = new ArrayList<>();
        SentMedia sent = a.media().send(to, file, (done, total) -> progress.add(new long[] {done, total})).join();
        long size = Files.size(file);
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1)).containsExactly(size, size);
        assertThat(sent.attachment().size()).isEqualTo(size);
        assertThat(sent.attachment().sha256()).isEqualTo(MediaFiles.sha256(file));

        ChatMessage received = bInbox.next(m -> m.hasMedia() && m.id().equals(sent.messageId()));
        assertThat(received.media()).isEqualTo(sent.attachment());
        assertThat(received.body()).as("the body is the link, for clients that show only text")
                .isEqualTo(sent.attachment().url());
        return received;
    }

    private Path download(ChatClient client, MediaAttachment media, String name) {
        return client.media().download(media, files.resolve(name), MediaProgressListener.NONE).join();
    }

    @Test
    void anImageIsUploadedSentReceivedWithItsMetadataAndThumbnailAndDownloadedVerified() throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        Path photo = MediaFiles.png(Files.createDirectory(files.resolve("out")), "holiday photo.png", 800, 600);
        try (Clients clients = new Clients(server)) {
            ChatClient a = clients.loggedIn(alice);
            ChatClient b = clients.loggedIn(bob);
            Inbox<ChatMessage> bobInbox = Inbox.messages(b);
            Inbox<MessageStatus> statuses = new Inbox<>();
            a.receipts().onStatus((id, peer, status) -> statuses.add(status));

            ChatMessage received = sendAndReceive(a, bobInbox, bob.jid(), photo);
            MediaAttachment media = received.media();
            assertThat(media.name()).isEqualTo("holiday photo.png");
            assertThat(media.mediaType()).isEqualTo("image/png");
            assertThat(media.kind()).isEqualTo(MediaAttachment.Kind.IMAGE);
            assertThat(media.width()).isEqualTo(800);
            assertThat(media.height()).isEqualTo(600);
            assertThat(media.thumbnail()).isNotNull();
            assertThat(media.thumbnail().mediaType()).isEqualTo("image/jpeg");
            assertThat(media.thumbnail().width()).isLessThanOrEqualTo(800);
            statuses.next(status -> status == MessageStatus.DELIVERED);

            Path saved = download(b, media, "photo.png");
            assertThat(Files.readAllBytes(saved)).isEqualTo(Files.readAllBytes(photo));

            HttpResponse<byte[]> thumbnail = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(media.thumbnail().url())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(thumbnail.statusCode()).isEqualTo(200);
            assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        }
    }

    @Test
    void audioVideoAndDocumentsKeepTheirKindLengthAndSize() throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        Path out = Files.createDirectory(files.resolve("out"));
        try (Clients clients = new Clients(server)) {
            ChatClient a = clients.loggedIn(alice);
            ChatClient b = clients.loggedIn(bob);
            Inbox<ChatMessage> bobInbox = Inbox.messages(b);

            MediaAttachment voice = sendAndReceive(a, bobInbox, bob.jid(), MediaFiles.wav(out, "note.wav", 2))
                    .media();
            assertThat(voice.kind()).isEqualTo(MediaAttachment.Kind.AUDIO);
            assertThat(voice.duration()).isEqualTo(Duration.ofSeconds(2));

            MediaAttachment video = sendAndReceive(a, bobInbox, bob.jid(), MediaFiles.mp4(out, "clip.mp4")).media();
            assertThat(video.mediaType()).isEqualTo("video/mp4");
            assertThat(video.duration()).isEqualTo(Duration.ofSeconds(5));
            assertThat(video.width()).isEqualTo(1280);
            assertThat(video.height()).isEqualTo(720);

            Path pdf = MediaFiles.pdf(out, "minutes.pdf");
            MediaAttachment document = sendAndReceive(a, bobInbox, bob.jid(), pdf).media();
            assertThat(document.kind()).isEqualTo(MediaAttachment.Kind.FILE);
            assertThat(document.mediaType()).isEqualTo("application/pdf");
            assertThat(document.thumbnail()).isNull();

            for (MediaAttachment media : List.of(voice, video, document)) {
                Path saved = download(b, media, "copy-" + media.name());
                assertThat(MediaFiles.sha256(saved)).isEqualTo(media.sha256());
            }
        }
    }

    @Test
    void otherDevicesGetTheMediaAsACarbonAndHistoryHasIt() throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        Path photo = MediaFiles.png(files, "p.png", 120, 90);
        try (Clients clients = new Clients(server)) {
            ChatClient laptop = clients.loggedIn(alice);
            ChatClient phone = clients.loggedIn(alice);
            ChatClient b = clients.loggedIn(bob);
            Inbox<ChatMessage> phoneInbox = Inbox.messages(phone);
            Inbox<ChatMessage> bobInbox = Inbox.messages(b);

            ChatMessage received = sendAndReceive(laptop, bobInbox, bob.jid(), photo);
            ChatMessage carbon = phoneInbox.next(ChatMessage::hasMedia);
            assertThat(carbon.outgoing()).isTrue();
            assertThat(carbon.media()).isEqualTo(received.media());

            HistoryPage page = b.history().page(alice.jid(), 10, null).join();
            assertThat(page.messages()).filteredOn(ChatMessage::hasMedia).singleElement()
                    .satisfies(archived -> assertThat(archived.media()).isEqualTo(received.media()));
        }
    }

    @Test
    void aStandardClientsLinkOnlyMessageIsMediaWithANameFromTheUrl() throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (Clients clients = new Clients(server); RawXmpp conversations = RawXmpp.login(server, alice)) {
            ChatClient b = clients.loggedIn(bob);
            Inbox<ChatMessage> bobInbox = Inbox.messages(b);
            String url = "https://upload.example.net/a1b2c3/Sunset%20at%20sea.jpg";
            conversations.message(bob.jid(), "chat", url, "<x xmlns='jabber:x:oob'><url>" + url + "</url></x>");

            MediaAttachment media = bobInbox.next().media();
            assertThat(media).isNotNull();
            assertThat(media.url()).isEqualTo(url);
            assertThat(media.name()).isEqualTo("Sunset at sea.jpg");
            assertThat(media.kind()).isEqualTo(MediaAttachment.Kind.IMAGE);
            assertThat(media.size()).isNull();
            assertThat(media.sha256()).isNull();
        }
    }

    @Test
    void anOversizedImageIsRefusedAtSlotTimeWithTheLimitAndNothingIsSent() throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        Path big = MediaFiles.png(files, "huge.png", 64, 64);
        try (RandomAccessFile grow = new RandomAccessFile(big.toFile(), "rw")) {
            grow.setLength(17L * 1024 * 1024); // a PNG header, then more than the 16 MB image limit
        }
        try (Clients clients = new Clients(server)) {
            ChatClient a = clients.loggedIn(alice);
            ChatClient b = clients.loggedIn(bob);
            Inbox<ChatMessage> bobInbox = Inbox.messages(b);
            long size = Files.size(big);

            ChatClientException failure = failureOf(() -> a.media().send(bob.jid(), big, MediaProgressListener.NONE)
                    .join());
            assertThat(failure.reason()).isEqualTo(Reason.FILE_TOO_LARGE);
            assertThat(failure.limit()).isPresent();
            assertThat(failure.limit().getAsLong()).isLessThan(size);
            a.sendMessage(bob.jid(), "after the refusal").join();
            assertThat(bobInbox.next().body()).as("no media message went out").isEqualTo("after the refusal");
        }
    }

    @Test
    void anHtmlPageNamedLikeAPngIsRefused() throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        Path fake = Files.writeString(files.resolve("cute-cat.png"),
                "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");
        try (Clients clients = new Clients(server)) {
            ChatClient a = clients.loggedIn(alice);
            assertThat(reasonOf(() -> a.media().send(bob.jid(), fake, MediaProgressListener.NONE).join()))
                    .isEqualTo(Reason.MEDIA_TYPE_REFUSED);
        }
    }

    @Test
    void retractingTheMessageRevokesTheLink() throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        Path photo = MediaFiles.png(files, "oops.png", 100, 100);
        try (Clients clients = new Clients(server)) {
            ChatClient a = clients.loggedIn(alice);
            ChatClient b = clients.loggedIn(bob);
            Inbox<ChatMessage> bobInbox = Inbox.messages(b);
            Inbox<io.chatapp.client.Retraction> retractions = new Inbox<>();
            b.retractions().onRetraction(retractions::add);
            ChatMessage received = sendAndReceive(a, bobInbox, bob.jid(), photo);

            a.retractions().retract(bob.jid(), received.id()).join();
            retractions.next();
            assertThat(reasonOf(() -> download(b, received.media(), "gone.png")))
                    .isIn(Reason.NOT_FOUND, Reason.NOT_ALLOWED);
            assertThat(files.resolve("gone.png")).doesNotExist();
        }
    }

    @Test
    void participantsGetFreshUrlsThroughTheTokenApiAndOthersDoNot() throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        TestUser carol = users.create("carol");
        Path photo = MediaFiles.png(files, "shared.png", 50, 50);
        try (Clients clients = new Clients(server)) {
            ChatClient a = clients.loggedInWithToken(alice);
            ChatClient b = clients.loggedInWithToken(bob);
            ChatClient c = clients.loggedInWithToken(carol);
            Inbox<ChatMessage> bobInbox = Inbox.messages(b);
            MediaAttachment media = sendAndReceive(a, bobInbox, bob.jid(), photo).media();

            MediaAttachment fresh = b.media().freshUrl(media).join();
            assertThat(fresh.sha256()).isEqualTo(media.sha256());
            assertThat(Files.readAllBytes(download(b, fresh, "fresh.png"))).isEqualTo(Files.readAllBytes(photo));
            assertThat(a.media().freshUrl(media).join().url()).isNotBlank();
            assertThat(reasonOf(() -> c.media().freshUrl(media).join())).isEqualTo(Reason.NOT_ALLOWED);

            ChatClient passwordLogin = clients.loggedIn(bob);
            assertThat(reasonOf(() -> passwordLogin.media().freshUrl(media).join()))
                    .isEqualTo(Reason.NOT_CONNECTED);
        }
    }
}
