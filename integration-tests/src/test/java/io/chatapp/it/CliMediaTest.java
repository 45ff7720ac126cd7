package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClient;
import io.chatapp.client.ChatMessage;
import io.chatapp.client.GroupMessage;
import io.chatapp.client.MediaProgressListener;
import io.chatapp.client.SentMedia;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6 in the terminal client: /send with its status marks, received media lines, /download, send-file, listen;
 * the same in a group conversation.
 */
@ExtendWith(ChatServerExtension.class)
class CliMediaTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final DevServer server;
    private final TestUsers users;

    CliMediaTest(DevServer server, TestUsers users) {
        this.server = server;
        this.users = users;
    }

    @Test
    void theShellSendsAFileShowsReceivedMediaAndDownloadsItVerified(@TempDir Path home) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        Path aliceConfig = home.resolve("alice");
        Path photo = MediaFiles.png(home, "beach.png", 400, 300);
        Path song = MediaFiles.wav(home, "song.wav", 3);
        Path downloads = Files.createDirectory(home.resolve("downloads"));
        CliProcess.login(server, aliceConfig, alice, TIMEOUT);
        try (Clients clients = new Clients(server)) {
            ChatClient b = clients.loggedIn(bob);
            Inbox<ChatMessage> bobInbox = Inbox.messages(b);

            CliProcess shell = CliProcess.interactive(aliceConfig, null);
            shell.type("/chat " + bob.username());
            shell.type("/send " + photo);
            ChatMessage received = bobInbox.next(ChatMessage::hasMedia);
            assertThat(received.media().name()).isEqualTo("beach.png");
            assertThat(received.media().sha256()).isEqualTo(MediaFiles.sha256(photo));
            shell.awaitStdout("you \u2192 " + bob.jid() + ": [image ", TIMEOUT);
            shell.awaitStdout("\u2713\u2713 delivered: \"[image ", TIMEOUT);

            SentMedia sent = b.media().send(alice.jid(), song, MediaProgressListener.NONE).join();
            shell.awaitStdout(bob.jid() + ": [audio 0:03, ", TIMEOUT);
            String line = shell.stdout().lines().filter(l -> l.contains(": [audio 0:03, ")).findFirst().orElseThrow();
            String handle = line.substring(line.indexOf('#'), line.indexOf(' ', line.indexOf('#')));

            shell.type("/download " + handle + " " + downloads);
            shell.awaitStdout("Saved " + handle + " (", TIMEOUT);
            assertThat(shell.stdout()).contains("SHA-256 verified) to " + downloads.resolve("song.wav"));
            assertThat(MediaFiles.sha256(downloads.resolve("song.wav"))).isEqualTo(sent.attachment().sha256());

            shell.type("/quit");
            assertThat(shell.await(TIMEOUT)).as("stderr: %s", shell.stderr()).isZero();
        }
    }

    @Test
    void inAGroupConversationSendSharesTheFileAndGroupFilesAreShownAndDownloaded(@TempDir Path home)
            throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        Path aliceConfig = home.resolve("alice");
        Path photo = MediaFiles.png(home, "team.png", 320, 200);
        Path song = MediaFiles.wav(home, "anthem.wav", 3);
        Path downloads = Files.createDirectory(home.resolve("downloads"));
        CliProcess.login(server, aliceConfig, alice, TIMEOUT);
        try (Clients clients = new Clients(server)) {
            ChatClient b = clients.loggedIn(bob);
            Inbox<Object> bHears = Inbox.groups(b);

            CliProcess shell = CliProcess.interactive(aliceConfig, null);
            String room = shell.createGroup("Team", bob, bHears, TIMEOUT);
            shell.type("/chat Team");
            shell.awaitStdout("Talking to the group Team", TIMEOUT);
            shell.type("/send " + photo);
            GroupMessage received = (GroupMessage) bHears.next(m -> m instanceof GroupMessage g && g.hasMedia());
            assertThat(received.room()).isEqualTo(room);
            assertThat(received.media().name()).isEqualTo("team.png");
            assertThat(received.media().sha256()).isEqualTo(MediaFiles.sha256(photo));
            shell.awaitStdout("you \u2192 [Team]: [image ", TIMEOUT);

            SentMedia sent = b.groupChat().sendFile(room, song, MediaProgressListener.NONE).join();
            shell.awaitStdout("[Team] " + bob.jid() + ": [audio 0:03, ", TIMEOUT);
            String line = shell.stdout().lines().filter(l -> l.contains("[Team] " + bob.jid() + ": [audio"))
                    .findFirst().orElseThrow();
            assertThat(line).startsWith("#").endsWith("] anthem.wav");
            String handle = line.substring(0, line.indexOf(' '));

            shell.type("/download " + handle + " " + downloads);
            shell.awaitStdout("Saved " + handle + " (", TIMEOUT);
            assertThat(MediaFiles.sha256(downloads.resolve("anthem.wav"))).isEqualTo(sent.attachment().sha256());

            shell.type("/quit");
            assertThat(shell.await(TIMEOUT)).as("stderr: %s", shell.stderr()).isZero();
        }
    }

    @Test
    void sendFileSendsFromTheCommandLineAndListenPrintsTheMediaLineWithItsUrl(@TempDir Path home) throws Exception {
        TestUser alice = users.create("alice");
        TestUser carol = users.create("carol");
        Path aliceConfig = home.resolve("alice");
        Path carolConfig = home.resolve("carol");
        Path report = MediaFiles.pdf(home, "report.pdf");
        CliProcess.login(server, aliceConfig, alice, TIMEOUT);
        CliProcess.login(server, carolConfig, carol, TIMEOUT);

        CliProcess listen = CliProcess.start(carolConfig, null, "listen", "--count", "1", "--timeout", "30");
        listen.awaitStderr("Listening as", TIMEOUT);
        CliProcess sendFile = CliProcess.start(aliceConfig, null, "send-file", carol.username(), report.toString());
        assertThat(sendFile.await(TIMEOUT)).as("stderr: %s", sendFile.stderr()).isZero();
        assertThat(sendFile.stdout()).isEmpty();

        assertThat(listen.await(TIMEOUT)).as("stderr: %s", listen.stderr()).isZero();
        assertThat(listen.stdout()).startsWith(alice.jid() + ": [file ").contains("] report.pdf http");

        CliProcess missing = CliProcess.start(aliceConfig, null, "send-file", carol.username(),
                home.resolve("nothing.pdf").toString());
        assertThat(missing.await(TIMEOUT)).isEqualTo(1);
        assertThat(missing.stderr()).startsWith("chatapp: no such file: ");
    }
}
