package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chatapp.client.ChatClient;
import io.chatapp.client.ChatMessage;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standard XMPP client, Debian's go-sendxmpp (installed by .ci/run), logs in over STARTTLS and chats with a user
 * of our library through the server with the plugin, in both directions.
 */
@ExtendWith(ChatServerExtension.class)
class StandardClientTest {

    private static final Path GO_SENDXMPP = Path.of("/usr/bin/go-sendxmpp");

    @BeforeAll
    static void needsGoSendxmpp() {
        assumeTrue(Files.isExecutable(GO_SENDXMPP) || System.getenv("CI") != null,
                "go-sendxmpp is not installed (apt-get install go-sendxmpp); .ci/run installs it");
    }

    @Test
    void goSendxmppSendsToALibraryUser(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (Clients clients = new Clients(server)) {
            ChatClient bobClient = clients.loggedIn(bob);
            Inbox<ChatMessage> inbox = Inbox.messages(bobClient);

            Process send = goSendxmpp(server, alice, bob.jid()).start();
            send.getOutputStream().write("hello from a standard client\n".getBytes(StandardCharsets.UTF_8));
            send.getOutputStream().close();
            assertThat(send.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(send.exitValue()).as(output(send)).isZero();

            ChatMessage received = inbox.next();
            assertThat(received.body()).isEqualTo("hello from a standard client");
            assertThat(received.from()).isEqualTo(alice.jid());
        }
    }

    @Test
    void goSendxmppReceivesFromALibraryUser(DevServer server, TestUsers users, @TempDir Path dir) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        Path received = dir.resolve("received.txt");
        Process listen = goSendxmpp(server, alice, "--listen").redirectOutput(received.toFile()).start();
        try (Clients clients = new Clients(server)) {
            ChatClient bobClient = clients.loggedIn(bob);
            // Send until the listener has logged in and printed it (it has no "ready" signal of its own).
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!Files.readString(received).contains(bob.jid() + ": ping from the library")) {
                assertThat(System.nanoTime()).as("go-sendxmpp printed the message").isLessThan(deadline);
                assertThat(listen.isAlive()).as("go-sendxmpp --listen is running").isTrue();
                bobClient.sendMessage(alice.jid(), "ping from the library").join();
                Thread.sleep(1_000);
            }
        } finally {
            listen.destroy();
            listen.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static ProcessBuilder goSendxmpp(DevServer server, TestUser user, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(GO_SENDXMPP.toString(),
                "--username", user.jid(), "--password", user.password(),
                "--jserver", "127.0.0.1:" + server.xmppPort(),
                // The dev server's certificate is self-signed; this client cannot be told to pin it.
                "--no-tls-verify"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    private static String output(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
