package io.chatapp.it;

import static io.chatapp.it.ClientFailures.failureOf;
import static io.chatapp.it.ClientFailures.reasonOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClient;
import io.chatapp.client.ChatClientException;
import io.chatapp.client.ChatClientException.Reason;
import io.chatapp.client.ChatMessage;
import io.chatapp.client.MediaAttachment;
import io.chatapp.client.MediaProgressListener;
import io.chatapp.client.SentMedia;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our client library sharing files through a standard XEP-0363 upload service on plain Openfire (no chat-app
 * plugin): the service found in disco, a slot, the streamed PUT answered {@code 201} without chat-app's JSON, the
 * media message with the library's own metadata, and the verified download. Runs without the media server.
 */
class StandardUploadServiceTest {

    @RegisterExtension
    static final ChatServerExtension SERVER = ChatServerExtension.withoutPlugin();

    private static final long MAX_FILE_SIZE = 2 * 1024 * 1024;
    private static PlainUploadService uploads;

    private final DevServer server;

    @TempDir
    Path files;

    StandardUploadServiceTest(DevServer server) {
        this.server = server;
    }

    @BeforeAll
    static void startUploadService(DevServer server) throws Exception {
        uploads = PlainUploadService.start("upload", MAX_FILE_SIZE);
    }

    @AfterAll
    static void stopUploadService() throws Exception {
        uploads.close();
    }

    @Test
    void imagesAndVoiceNotesAreSharedWithTheLibrarysMetadataAndDownloadedVerified(TestUsers users)
            throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        Path out = Files.createDirectory(files.resolve("out"));
        Path photo = MediaFiles.png(out, "sea view.png", 640, 480);
        Path voice = MediaFiles.wav(out, "hello.wav", 2);
        try (Clients clients = new Clients(server)) {
            ChatClient a = clients.loggedIn(alice);
            ChatClient b = clients.loggedIn(bob);
            Inbox<ChatMessage> bobInbox = Inbox.messages(b);

            SentMedia sentPhoto = a.media().send(bob.jid(), photo, MediaProgressListener.NONE).join();
            MediaAttachment image = bobInbox.next(ChatMessage::hasMedia).media();
            assertThat(image).isEqualTo(sentPhoto.attachment());
            assertThat(image.name()).isEqualTo("sea view.png");
            assertThat(image.mediaType()).isEqualTo("image/png");
            assertThat(image.size()).isEqualTo(Files.size(photo));
            assertThat(image.width()).isEqualTo(640);
            assertThat(image.height()).isEqualTo(480);
            assertThat(image.sha256()).isEqualTo(MediaFiles.sha256(photo));
            assertThat(image.thumbnail()).as("a plain service makes none").isNull();

            a.media().send(bob.jid(), voice, MediaProgressListener.NONE).join();
            MediaAttachment note = bobInbox.next(ChatMessage::hasMedia).media();
            assertThat(note.mediaType()).isEqualTo("audio/wav");
            assertThat(note.duration()).isEqualTo(Duration.ofSeconds(2));

            Path savedPhoto = b.media().download(image, files.resolve("photo.png"), MediaProgressListener.NONE)
                    .join();
            assertThat(Files.readAllBytes(savedPhoto)).isEqualTo(Files.readAllBytes(photo));
            Path savedNote = b.media().download(note, files.resolve("note.wav"), MediaProgressListener.NONE).join();
            assertThat(MediaFiles.sha256(savedNote)).isEqualTo(MediaFiles.sha256(voice));
        }
    }

    @Test
    void aFileChangedOnTheServerIsRefusedAndNothingIsSaved(TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        Path document = MediaFiles.pdf(files, "contract.pdf");
        try (Clients clients = new Clients(server)) {
            ChatClient a = clients.loggedIn(alice);
            ChatClient b = clients.loggedIn(bob);
            Inbox<ChatMessage> bobInbox = Inbox.messages(b);
            a.media().send(bob.jid(), document, MediaProgressListener.NONE).join();
            MediaAttachment received = bobInbox.next(ChatMessage::hasMedia).media();

            Path target = Files.createDirectory(files.resolve("in")).resolve("contract.pdf");
            uploads.tamper.set(true);
            try {
                assertThat(reasonOf(() -> b.media().download(received, target, MediaProgressListener.NONE)
                        .join())).isEqualTo(Reason.INTEGRITY);
            } finally {
                uploads.tamper.set(false);
            }
            try (Stream<Path> left = Files.list(target.getParent())) {
                assertThat(left).isEmpty();
            }
        }
    }

    @Test
    void aFileOverTheAdvertisedLimitIsRefusedBeforeAnySlotIsAskedFor(TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        Path big = MediaFiles.png(files, "big.png", 32, 32);
        try (RandomAccessFile grow = new RandomAccessFile(big.toFile(), "rw")) {
            grow.setLength(MAX_FILE_SIZE + 1);
        }
        try (Clients clients = new Clients(server)) {
            ChatClient a = clients.loggedIn(alice);
            int slotsBefore = uploads.slotsGranted();
            ChatClientException failure = failureOf(() -> a.media().send(bob.jid(), big, MediaProgressListener.NONE)
                    .join());
            assertThat(failure.reason()).isEqualTo(Reason.FILE_TOO_LARGE);
            assertThat(failure.limit()).hasValue(MAX_FILE_SIZE);
            assertThat(uploads.slotsGranted()).isEqualTo(slotsBefore);
        }
    }
}
