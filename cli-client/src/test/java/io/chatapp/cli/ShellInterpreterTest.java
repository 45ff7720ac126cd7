package io.chatapp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClientException;
import io.chatapp.client.Contact;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShellInterpreterTest {

    /** Records what the shell asks of the server. */
    static final class RecordingSession implements ChatSession {

        final List<String> calls = new ArrayList<>();
        List<Contact> contacts = List.of();
        Set<String> online = Set.of();
        RuntimeException failure;

        @Override
        public String domain() {
            return "example.org";
        }

        private void record(String call) {
            if (failure != null) {
                throw failure;
            }
            calls.add(call);
        }

        @Override
        public void send(String toBareJid, String text) {
            record("send " + toBareJid + " " + text);
        }

        @Override
        public List<Contact> contacts() {
            return contacts;
        }

        @Override
        public boolean isOnline(String bareJid) {
            return online.contains(bareJid);
        }

        @Override
        public void addContact(String bareJid, String name) {
            record("add " + bareJid + " " + name);
        }

        @Override
        public void acceptContact(String bareJid) {
            record("accept " + bareJid);
        }

        @Override
        public void declineContact(String bareJid) {
            record("decline " + bareJid);
        }

        @Override
        public void setStatus(String mode, String text) {
            record("status " + mode + " " + text);
        }
    }

    private final RecordingSession session = new RecordingSession();
    private final List<String> printed = new ArrayList<>();
    private final ShellInterpreter shell = new ShellInterpreter(session, printed::add);

    @Test
    void plainLineWithoutConversationExplainsWhatToDo() {
        assertThat(shell.handle("hello")).isTrue();

        assertThat(session.calls).isEmpty();
        assertThat(printed).singleElement().asString().contains("/chat USER");
    }

    @Test
    void chatSetsTheConversationAndThePrompt() {
        shell.handle("/chat bob");
        shell.handle("hello there, how's it going?");

        assertThat(shell.prompt()).isEqualTo("bob@example.org> ");
        assertThat(session.calls).containsExactly("send bob@example.org hello there, how's it going?");
    }

    @Test
    void chatAloneLeavesTheConversation() {
        shell.handle("/chat bob");
        shell.handle("/chat");

        assertThat(shell.conversation()).isNull();
        assertThat(shell.prompt()).isEqualTo("chatapp> ");
    }

    @Test
    void doubleSlashSendsATextStartingWithSlash() {
        shell.handle("/chat bob@other.net");
        shell.handle("//shrug");

        assertThat(session.calls).containsExactly("send bob@other.net /shrug");
    }

    @Test
    void msgSendsTheRestOfTheLine() {
        shell.handle("/msg carol see you   at 5");

        assertThat(session.calls).containsExactly("send carol@example.org see you   at 5");
    }

    @Test
    void contactCommands() {
        shell.handle("/add dave Dave Smith");
        shell.handle("/accept erin@example.org");
        shell.handle("/decline mallory");

        assertThat(session.calls).containsExactly("add dave@example.org Dave Smith", "accept erin@example.org",
                "decline mallory@example.org");
    }

    @Test
    void contactsAreListedWithOnlineMarker() {
        session.contacts = List.of(new Contact("bob@example.org", "Bob", "both", false),
                new Contact("carol@example.org", "", "none", true));
        session.online = Set.of("bob@example.org");

        shell.handle("/contacts");

        assertThat(printed).containsExactly("Contacts (* = online):", "  * bob@example.org (Bob)",
                "    carol@example.org - waiting for them to accept");
    }

    @Test
    void statusTakesAModeAndText() {
        shell.handle("/status away back at 3");
        shell.handle("/status online");

        assertThat(session.calls).containsExactly("status away back at 3", "status available ");
    }

    @Test
    void unknownStatusModeIsRefused() {
        shell.handle("/status sleeping");

        assertThat(session.calls).isEmpty();
        assertThat(printed).singleElement().asString().startsWith("chatapp: unknown status 'sleeping'");
    }

    @Test
    void missingArgumentsShowTheUsage() {
        shell.handle("/msg bob");

        assertThat(printed).containsExactly("chatapp: usage: /msg USER TEXT");
    }

    @Test
    void failuresArePrintedAndTheShellGoesOn() {
        session.failure = new CliException("sending failed: not connected to the server");
        shell.handle("/chat bob");

        assertThat(shell.handle("hello")).isTrue();
        assertThat(printed).last().isEqualTo("chatapp: sending failed: not connected to the server");
    }

    @Test
    void clientFailuresAreWordedLikeTheCommandLine() {
        session.failure = new ChatClientException(ChatClientException.Reason.NOT_CONNECTED,
                "Not connected to the server");

        shell.handle("/accept bob");

        assertThat(printed).containsExactly("chatapp: not connected to the server");
    }

    @Test
    void unknownCommand() {
        shell.handle("/frobnicate");

        assertThat(printed).containsExactly("chatapp: unknown command /frobnicate; type /help for the list");
    }

    @Test
    void quitEndsTheShell() {
        assertThat(shell.handle("/quit")).isFalse();
        assertThat(shell.handle("/exit")).isFalse();
    }

    @Test
    void helpListsEveryCommand() {
        shell.handle("/help");

        assertThat(String.join("\n", printed)).contains(ShellInterpreter.COMMANDS);
    }

    @Test
    void contactRequestsAreOfferedForCompletion() {
        session.contacts = List.of(new Contact("bob@example.org", "", "both", false));

        assertThat(shell.contactRequest("carol@example.org"))
                .isEqualTo("* carol@example.org wants to add you (accept with: /accept carol@example.org)");
        assertThat(shell.knownAddresses()).containsExactly("bob@example.org", "carol@example.org");

        shell.handle("/accept carol@example.org");
        assertThat(shell.knownAddresses()).containsExactly("bob@example.org");
    }
}
