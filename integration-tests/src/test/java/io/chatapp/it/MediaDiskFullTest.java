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
import java.nio.charset.StandardCharsets;
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
 * chat goes on; once the disk has room again the same upload succeeds. Slots granted and not yet uploaded hold their
 * size: two that fit the disk alone but not together are not both granted.
 */
@ExtendWith(ChatServerExtension.class)
class MediaDiskFullTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int SMALL_DISK_MB = 1;
    private static final int GROWN_DISK_MB = 4;
    /** Fits the small disk. */
    private static final int FIRST_BYTES = 200_000;
    /** Fits the small disk beside the first file, until another program takes some of it. */
    private static final int MEDIUM_BYTES = 600_000;
    /** What that other program writes. */
    private static final int OTHER_PROGRAM_BYTES = 400_000;
    /** Fits the small disk alone, but not beside the first file. */
    private static final int LARGE_BYTES = 900_000;
    /** Two slots of these fit the small disk alone, not together; a half-size one fits beside either. */
    private static final int HALF_BYTES = 500_000;
    private static final int MORE_THAN_HALF_BYTES = 600_000;
    /** Fits beside a half-size file, but not beside two. */
    private static final int REFUSED_BYTES = 400_000;
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
        Path medium = text(files, "medium.txt", MEDIUM_BYTES);
        Path large = text(files, "large.txt", LARGE_BYTES);
        Path aliceCli = files.resolve("alice-cli");
        CliProcess.login(server, aliceCli, alice, TIMEOUT);

        try (SmallDisk disk = SmallDisk.mountOver(store, SMALL_DISK_MB);
             Clients clients = new Clients(server);
             RawXmpp aliceXmpp = RawXmpp.login(server, alice)) {
            ChatClient a = clients.loggedIn(alice);
            ChatClient b = clients.loggedIn(bob);
            Inbox<ChatMessage> bobInbox = Inbox.messages(b);

            // A normal upload, received and downloaded intact; after it the large file no longer fits.
            MediaAttachment stored = sendAndReceive(a, bobInbox, bob.jid(), first);
            assertThat(disk.files()).as("the store writes to the small disk").singleElement()
                    .satisfies(file -> assertThat(Files.size(file)).isEqualTo(FIRST_BYTES));
            assertDownloadsIntact(b, stored, first, "first-before.txt");

            // While the disk has room: a slot for the medium file, granted, kept for the PUT below. Then another
            // program takes space the slot counted on.
            MediaServerTest.Slot grantedWhileRoom = MediaServerTest.slot(aliceXmpp, server, "medium.txt",
                    MEDIUM_BYTES, "text/plain");
            Path otherProgram = Files.write(store.resolve("other-program"), new byte[OTHER_PROGRAM_BYTES]);

            // The slot request looks at the free space: refused, XEP-0363's temporary error with when to retry.
            assertSlotRefusedForRoom(aliceXmpp, "large.txt", LARGE_BYTES);

            // The slot granted while there was room: its PUT is refused, the second line of defence.
            HttpResponse<byte[]> refused = MediaServerTest.put(grantedWhileRoom.put(), "text/plain",
                    Files.readAllBytes(medium));
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

            Files.delete(otherProgram);
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

    @Test
    void slotsNotYetUploadedHoldTheirSizeUntilTheirUploadEnds() throws Exception {
        TestUser alice = users.create("alice");
        Path store = server.openfireHome().resolve("chatapp-media");
        Path half = text(files, "half.txt", HALF_BYTES);
        Path otherHalf = text(files, "other-half.txt", HALF_BYTES);
        byte[] html = html(REFUSED_BYTES);

        try (SmallDisk disk = SmallDisk.mountOver(store, SMALL_DISK_MB);
             RawXmpp aliceXmpp = RawXmpp.login(server, alice)) {
            MediaServerTest.Slot first = slot(aliceXmpp, "half.txt", HALF_BYTES);
            // Fits the empty disk alone, but not beside the slot just granted, whose file is not there yet.
            assertSlotRefusedForRoom(aliceXmpp, "more-than-half.txt", MORE_THAN_HALF_BYTES);

            assertPut(first, Files.readAllBytes(half), 201);
            // The file now takes its room on the disk, and its slot no more besides (else this would not fit).
            MediaServerTest.Slot refusedLater = slot(aliceXmpp, "refused.txt", REFUSED_BYTES);
            assertPut(refusedLater, html, 415);
            // A PUT refused once it had claimed its slot stored nothing, and gives the slot's room back.
            MediaServerTest.Slot second = slot(aliceXmpp, "other-half.txt", HALF_BYTES);
            assertPut(second, Files.readAllBytes(otherHalf), 201);

            assertThat(disk.files()).as("both files, nothing else").hasSize(2)
                    .allSatisfy(file -> assertThat(Files.size(file)).isEqualTo(HALF_BYTES));
        }
    }

    private MediaServerTest.Slot slot(RawXmpp xmpp, String name, int size) throws Exception {
        return MediaServerTest.slot(xmpp, server, name, size, "text/plain");
    }

    private static void assertPut(MediaServerTest.Slot slot, byte[] body, int status) throws Exception {
        HttpResponse<byte[]> answer = MediaServerTest.put(slot.put(), "text/plain", body);
        assertThat(answer.statusCode()).as(new String(answer.body())).isEqualTo(status);
    }

    /** An HTML page of exactly {@code size} bytes: a type never stored, whatever the slot says. */
    private static byte[] html(int size) {
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html><body>");
        page.append("x".repeat(size - page.length() - "</body></html>".length())).append("</body></html>");
        return page.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Asks for a slot the store has no room for: XEP-0363's temporary error, with when to retry. */
    private void assertSlotRefusedForRoom(RawXmpp xmpp, String name, int size) throws Exception {
        Instant asked = Instant.now();
        String slotRefused = xmpp.iq("get", "upload." + server.domain(),
                MediaServerTest.requestXml(name, size, "text/plain"));
        assertThat(slotRefused).contains("type='error'").contains("type='wait'").contains("<resource-constraint")
                .contains(SLOT_REFUSAL).doesNotContain("<slot", "<not-acceptable", "<file-too-large");
        Matcher retry = RETRY.matcher(slotRefused);
        assertThat(retry.find()).as(slotRefused).isTrue();
        assertThat(Instant.parse(retry.group(1))).as("retry about a minute later")
                .isBetween(asked.plusSeconds(55), Instant.now().plusSeconds(61));
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
