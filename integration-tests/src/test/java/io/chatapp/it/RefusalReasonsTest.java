package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.client.ChatClient;
import io.chatapp.client.ChatClientException;
import io.chatapp.client.ChatClientException.Reason;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jivesoftware.smack.sasl.SASLError;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refused registration, password change or login says why: over XMPP the condition XEP-0077 defines and an English
 * {@code <text/>} naming the rule (the HTTP API's wording); the library gives a typed reason with the server's text;
 * the CLI prints the server's reason.
 */
class RefusalReasonsTest {

    /** Every registration attempt from 127.0.0.1 counts, refused or not; the test spends them in one method. */
    private static final int REGISTRATIONS_PER_HOUR = 12;

    @RegisterExtension
    static final ChatServerExtension SERVER = ChatServerExtension.withProperties(Map.of(
            "chatapp.registration.perAddressPerHour", Integer.toString(REGISTRATIONS_PER_HOUR),
            "chatapp.lockout.accountAttempts", "3",
            "chatapp.lockout.addressAttempts", "1000",
            "chatapp.lockout.firstSeconds", "120",
            "chatapp.lockout.maxSeconds", "120"));

    private static final String TEXT = "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas' xml:lang='en'>";
    private static final Duration CLI_TIMEOUT = Duration.ofSeconds(60);

    private final DevServer server;
    private final TestUsers users;

    RefusalReasonsTest(DevServer server, TestUsers users) {
        this.server = server;
        this.users = users;
    }

    @Test
    void refusedRegistrationsNameTheRuleUpToTheRateLimit(@TempDir Path config) throws Exception {
        String name = users.unregistered("judy").username();
        TestUser taken = users.create("bob");
        try (RawXmpp stream = RawXmpp.unauthenticated(server)) {
            assertThat(register(stream, name, name + "-rocks")).contains("<not-acceptable")
                    .contains(TEXT + "The password must not contain the user name.</text>");
            assertThat(register(stream, name, "short")).contains("<not-acceptable")
                    .contains(TEXT + "The password must have at least 8 characters.</text>");
            assertThat(register(stream, name, "password1")).contains("<not-acceptable")
                    .contains(TEXT + "This password is one of the most common ones; choose another.</text>");
            assertThat(register(stream, taken.username(), "a-decent-passphrase")).contains("<conflict")
                    .contains(TEXT + "This user name is taken.</text>");
            assertThat(register(stream, "postmaster", "a-decent-passphrase")).contains("<not-acceptable")
                    .contains(TEXT + "This user name is reserved.</text>");
        }
        assertThat(server.userExists(name)).isFalse();

        CliProcess weak = cliRegister(config, name, name + "-rocks");
        assertThat(weak.await(CLI_TIMEOUT)).isNotZero();
        assertThat(weak.stderr()).contains("chatapp: registration failed: the password must not contain the user "
                + "name.");
        CliProcess clash = cliRegister(config, taken.username(), "a-decent-passphrase");
        assertThat(clash.await(CLI_TIMEOUT)).isNotZero();
        assertThat(clash.stderr()).contains("chatapp: registration failed: this user name is taken.");
        try (Clients clients = new Clients(server)) {
            ChatClient client = clients.open();
            assertThatThrownBy(() -> client.register(name, "short").join()).cause()
                    .isInstanceOfSatisfying(ChatClientException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.INVALID_INPUT);
                        assertThat(e.serverText()).contains("The password must have at least 8 characters.");
                    });
        }

        String limited = null;
        try (RawXmpp stream = RawXmpp.unauthenticated(server)) {
            for (int i = 0; i < REGISTRATIONS_PER_HOUR && limited == null; i++) {
                String answer = register(stream, name, "short");
                limited = answer.contains("<resource-constraint") ? answer : null;
            }
        }
        assertThat(limited).as("the rate limit is reached").isNotNull().contains("type='wait'")
                .containsPattern(TEXT + "Too many registration attempts from your address\\. Try again in \\d+ s\\.");
        CliProcess tooMany = cliRegister(config, name, "a-decent-passphrase");
        assertThat(tooMany.await(CLI_TIMEOUT)).isNotZero();
        assertThat(tooMany.stderr()).containsPattern("chatapp: registration failed: too many registration attempts "
                + "from your address\\. Try again in \\d+ s\\.");
        assertThat(server.userExists(name)).isFalse();
    }

    @Test
    void aRefusedPasswordChangeNamesTheRule() throws Exception {
        TestUser alice = users.create("alice");
        try (RawXmpp stream = RawXmpp.login(server, alice)) {
            assertThat(stream.iq("set", null, "<query xmlns='jabber:iq:register'><username>" + alice.username()
                    + "</username><password>" + alice.username() + "-2024!</password></query>"))
                    .contains("<not-acceptable").contains(TEXT + "The password must not contain the user name.</text>");
        }
        try (Clients clients = new Clients(server)) {
            ChatClient client = clients.loggedIn(alice);
            assertThatThrownBy(() -> client.changePassword("12345678").join()).cause()
                    .isInstanceOfSatisfying(ChatClientException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.INVALID_INPUT);
                        assertThat(e.getMessage()).isEqualTo("This password is one of the most common ones; choose "
                                + "another.");
                    });
            client.changePassword("a-new-decent-passphrase").join();
        }
    }

    @Test
    void aLockedOutLoginSaysSo(@TempDir Path config) throws Exception {
        TestUser carol = users.create("carol");
        for (int i = 0; i < 3; i++) {
            assertThat(saslFailure(carol.username(), "wrong-" + i)).isEqualTo(SASLError.not_authorized);
        }
        // Openfire writes a SASL failure with its condition only (no <text/>, 4.2 to 5.2): the condition says it.
        assertThat(saslFailure(carol.username(), carol.password())).isEqualTo(SASLError.temporary_auth_failure);
        try (Clients clients = new Clients(server)) {
            assertThatThrownBy(() -> clients.open().login(carol.username(), carol.password()).join()).cause()
                    .isInstanceOfSatisfying(ChatClientException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.LOCKED_OUT));
            assertThatThrownBy(() -> clients.tokenApi().obtainTokens(carol.username(), carol.password()).join())
                    .cause().isInstanceOfSatisfying(ChatClientException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.LOCKED_OUT);
                        assertThat(e.serverText().orElseThrow()).matches("Too many failed logins\\. Try again in \\d+ "
                                + "s\\.");
                    });
        }
        CliProcess login = CliProcess.start(config, carol.password(), "login", "--server", "127.0.0.1", "--port",
                Integer.toString(server.xmppPort()), "--domain", server.domain(), "--trust",
                server.certificate().toString(), "--api-url", server.pluginHttpUri().toString(), carol.username());
        assertThat(login.await(CLI_TIMEOUT)).isNotZero();
        assertThat(login.stderr()).containsPattern("chatapp: login refused: too many failed logins\\. Try again in "
                + "\\d+ s\\.");
    }

    private static String register(RawXmpp stream, String username, String password) throws Exception {
        return stream.iq("set", null, "<query xmlns='jabber:iq:register'><username>" + username + "</username>"
                + "<password>" + password + "</password></query>");
    }

    private CliProcess cliRegister(Path config, String username, String password) throws Exception {
        return CliProcess.start(config, password, "register", "--server", "127.0.0.1", "--port",
                Integer.toString(server.xmppPort()), "--domain", server.domain(), "--trust",
                server.certificate().toString(), username);
    }

    private SASLError saslFailure(String username, String password) throws Exception {
        XMPPTCPConnection connection = XmppLogins.password(server);
        try {
            connection.connect();
            connection.login(username, password);
            throw new AssertionError("logged in");
        } catch (SASLErrorException e) {
            return e.getSASLFailure().getSASLError();
        } finally {
            connection.instantShutdown();
        }
    }
}
