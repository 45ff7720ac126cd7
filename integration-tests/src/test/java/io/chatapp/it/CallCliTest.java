package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.Call;
import io.chatapp.client.CallEndReason;
import io.chatapp.client.CallEvent;
import io.chatapp.client.ChatClient;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The shell's call commands against a library client: the incoming-call line with its bell, /reject, /call. */
@ExtendWith(ChatServerExtension.class)
class CallCliTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final DevServer server;
    private final TestUsers users;

    CallCliTest(DevServer server, TestUsers users) {
        this.server = server;
        this.users = users;
    }

    @Test
    void theShellRingsRejectsAndCalls(@TempDir Path home) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        Path aliceConfig = home.resolve("alice");
        CliProcess.login(server, aliceConfig, alice, TIMEOUT);
        try (Clients clients = new Clients(server)) {
            ChatClient b = clients.loggedIn(bob);
            CallEvents bobEvents = CallEvents.of(b);
            CliProcess shell = CliProcess.interactive(aliceConfig, null);
            shell.type("/contacts");
            shell.awaitStdout("No contacts yet", TIMEOUT);

            b.calls().call(alice.jid(), false).join();
            shell.awaitStdout("\u0007Incoming call from " + bob.jid() + ": /accept or /reject", TIMEOUT);
            shell.type("/reject");
            assertThat(bobEvents.next(CallEvent.Ended.class).reason()).isEqualTo(CallEndReason.PEER_REJECTED);
            shell.awaitStdout("Call with " + bob.jid() + " ended: you rejected it", TIMEOUT);

            shell.type("/call " + bob.username() + " --video");
            shell.awaitStdout("Calling " + bob.jid() + " (video)", TIMEOUT);
            Call incoming = bobEvents.next(CallEvent.Incoming.class).call();
            assertThat(incoming.video()).isTrue();
            shell.awaitStdout("Ringing " + bob.jid(), TIMEOUT);
            incoming.reject();
            shell.awaitStdout("Call with " + bob.jid() + " ended: " + bob.jid() + " rejected it", TIMEOUT);

            shell.type("/hangup");
            shell.awaitStdout("no call to hang up", TIMEOUT);
            shell.type("/quit");
        }
    }
}
