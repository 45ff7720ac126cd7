package io.chatapp.it;

import static io.chatapp.it.ClientFailures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatapp.client.ChatClient;
import io.chatapp.client.ChatClientException;
import io.chatapp.client.ChatMessage;
import io.chatapp.client.MediaAttachment;
import io.chatapp.client.MediaProgressListener;
import io.chatapp.client.SentMedia;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: the local media store's disk fills up, end to end on the real server. A 1 MB tmpfs is mounted over the
 * running store's directory; a file that does not fit is refused clearly: its XEP-0363 slot request
 * (resource-constraint, type wait, with when to retry), the PUT of a slot granted while there was room (507 with
 * Retry-After), the client library and the CLI; nothing half-written stays; the file stored before still downloads;
 * chat goes on; once the disk has room again the same upload succeeds.
 */
@ExtendWith(ChatServerExtension.class)
class MediaDiskFullTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int SMALL_DISK_MB = 1;
    private static final int GROWN_DISK_MB = 4;
    /** Fits the small disk. */
    private static final int FIRST_BYTES = 200_000;
    /** Fits the small disk alone, but not beside the first file. */
    private static final int LARGE_BYTES = 900_000;
    /** The server's words for a slot its store has no room for. */
    private static final String SLOT_REFUSAL = "The server has no room for this file now; try again later.";
    private static final Pattern RETRY = Pattern.compile("<retry xmlns='urn:xmpp:http:upload:0' stamp='([^']+)'");

    private final DevServer server;
    private final TestUsers users;

    @TempDir
    Path files;

    MediaDiskFullTest(DevServer server, TestUsers users) {
        this.server = server;
        this.users = users;
    }

    @Test
    void aFullMediaDiskRefusesUploadsClearlyKeepsStoredFilesServingAndRecovers() throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        // The plugin's default store: <openfire home>/chatapp-media, created when it started, empty until now.
        Path store = server.openfireHome().resolve("chatapp-media");
        assertThat(store).isDirectory();
        Path first = text(files, "first.txt", FIRST_BYTES);
        Path large = text(files, "large.txt", LARGE_BYTES);
        Path aliceCli = files.resolve("alice-cli");
        CliProcess.login(server, aliceCli, alice, TIMEOUT);

        try (SmallDisk disk = SmallDisk.mountOver(store, SMALL_DISK_MB);
             Clients clients = new Clients(server);
             RawXmpp aliceXmpp = RawXmpp.login(server, alice)) {
            ChatClient a = clients.loggedIn(alice);
            ChatClient b = clients.loggedIn(bob);
            Inbox<ChatMessage> bobInbox = Inbox.messages(b);

            // While the disk has room: a slot for the large file, granted, kept for the PUT below.
            MediaServerTest.Slot grantedWhileRoom = MediaServerTest.slot(aliceXmpp, server, "large.txt",
                    LARGE_BYTES, "text/plain");
            // A normal upload, received and downloaded intact; after it the large file no longer fits.
            MediaAttachment stored = sendAndReceive(a, bobInbox, bob.jid(), first);
            assertThat(disk.files()).as("the store writes to the small disk").singleElement()
                    .satisfies(file -> assertThat(Files.size(file)).isEqualTo(FIRST_BYTES));
            assertDownloadsIntact(b, stored, first, "first-before.txt");

            // The slot request looks at the free space: refused, XEP-0363's temporary error with when to retry.
            Instant asked = Instant.now();
            String slotRefused = aliceXmpp.iq("get", "upload." + server.domain(),
                    MediaServerTest.requestXml("large.txt", LARGE_BYTES, "text/plain"));
            assertThat(slotRefused).contains("type='error'").contains("type='wait'").contains("<resource-constraint")
                    .contains(SLOT_REFUSAL).doesNotContain("<slot", "<not-acceptable", "<file-too-large");
            Matcher retry = RETRY.matcher(slotRefused);
            assertThat(retry.find()).as(slotRefused).isTrue();
            assertThat(Instant.parse(retry.group(1))).as("retry about a minute later")
                    .isBetween(asked.plusSeconds(55), Instant.now().plusSeconds(61));

            // The slot granted while there was room: its PUT is refused, the second line of defence.
            HttpResponse<byte[]> refused = MediaServerTest.put(grantedWhileRoom.put(), "text/plain",
                    Files.readAllBytes(large));
            assertThat(refused.statusCode()).as(new String(refused.body())).isEqualTo(507);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
            assertThat(new ObjectMapper().readTree(refused.body()).path("error").asText())
                    .isEqualTo("insufficient_storage");

            ChatClientException failure = failureOf(() -> a.media().send(bob.jid(), large,
                    MediaProgressListener.NONE).join());
            assertThat(failure.reason()).isEqualTo(ChatClientException.Reason.SERVER_BUSY);
            assertThat(failure.serverText()).as("refused at the slot, in the server's words").hasValue(SLOT_REFUSAL);
            assertThat(failure.getMessage()).contains("no room").doesNotContain("quota");

            CliProcess sendFile = CliProcess.start(aliceCli, null, "send-file", bob.username(), large.toString());
            assertThat(sendFile.await(TIMEOUT)).as("stderr: %s", sendFile.stderr()).isEqualTo(1);
            assertThat(sendFile.stderr()).startsWith("chatapp: sending the file failed: the server could not store"
                    + " large.txt now: ").contains(SLOT_REFUSAL)
                    .doesNotContain("Exception", "unexpected", "quota");
            assertThat(sendFile.stderr().strip().lines()).as("one line").hasSize(1);

            assertThat(disk.files()).as("nothing half-written: only the first file").singleElement()
                    .satisfies(file -> assertThat(Files.size(file)).isEqualTo(FIRST_BYTES));
            assertDownloadsIntact(b, stored, first, "first-while-full.txt");
            a.sendMessage(bob.jid(), "still chatting").join();
            assertThat(bobInbox.next().body()).as("no media message went out; chat goes on")
                    .isEqualTo("still chatting");

            disk.growTo(GROWN_DISK_MB);
            MediaAttachment later = sendAndReceive(a, bobInbox, bob.jid(), large);
            assertDownloadsIntact(b, later, large, "large-after.txt");
            assertDownloadsIntact(b, stored, first, "first-after.txt");
        }
    }

    private static MediaAttachment sendAndReceive(ChatClient from, Inbox<ChatMessage> toInbox, String to, Path file)
            throws Exception {
        SentMedia sent = from.media().send(to, file, MediaProgressListener.NONE).join();
        ChatMessage received = toInbox.next(m -> m.hasMedia() && m.id().equals(sent.messageId()));
        assertThat(received.media().sha256()).isEqualTo(MediaFiles.sha256(file));
        return received.media();
    }

    private void assertDownloadsIntact(ChatClient client, MediaAttachment media, Path original, String name)
            throws IOException {
        Path saved = client.media().download(media, files.resolve(name), MediaProgressListener.NONE).join();
        assertThat(Files.readAllBytes(saved)).isEqualTo(Files.readAllBytes(original));
    }

    /** A text file of exactly {@code size} bytes whose lines are numbered, so any mix-up shows. */
    private static Path text(Path directory, String name, int size) throws IOException {
        StringBuilder text = new StringBuilder(size + 40);
        for (int line = 1; text.length() < size; line++) {
            text.append(name).append(" line ").append(line).append('\n');
        }
        text.setLength(size);
        return Files.writeString(directory.resolve(name), text);
    }
}
