package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.client.ChatClientException;
import io.chatapp.client.ChatClientException.Reason;
import io.chatapp.client.TokenSet;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chatapp login} keeps tokens from the HTTP API, never the password; the other commands use them (sending and
 * listening with them is exercised by {@link CliTest}, whose logins are token logins too).
 */
@ExtendWith(ChatServerExtension.class)
class CliTokenLoginTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final DevServer server;
    private final TestUsers users;

    CliTokenLoginTest(DevServer server, TestUsers users) {
        this.server = server;
        this.users = users;
    }

    @Test
    void loginSavesTokensOwnerOnlyAndNoPassword(@TempDir Path home) throws Exception {
        TestUser alice = users.create("alice");
        Path aliceConfig = home.resolve("alice");
        login(aliceConfig, alice);

        try (Stream<Path> files = Files.list(aliceConfig)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as("content of %s", file).doesNotContain(alice.password())
                        .doesNotContainIgnoringCase("password=");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                        .as("permissions of %s", file).isEqualTo("rw-------");
            }
        }
        TokenSet saved = savedTokens(aliceConfig);
        assertThat(saved.jid()).isEqualTo(alice.jid());

    }

    @Test
    void anExpiredAccessTokenIsRefreshedAndTheRotatedTokensAreSaved(@TempDir Path home) throws Exception {
        TestUser carol = users.create("carol");
        TestUser dave = users.create("dave");
        Path config = home.resolve("carol");
        login(config, carol);
        TokenSet saved = savedTokens(config);
        // As if the saved access token had run out overnight.
        Properties file = read(config.resolve("tokens.properties"));
        file.setProperty("access_token_expires_at", Instant.now().minusSeconds(60).toString());
        write(config.resolve("tokens.properties"), file);

        try (Clients clients = new Clients(server)) {
            Inbox<io.chatapp.client.ChatMessage> inbox = Inbox.messages(clients.loggedIn(dave));
            CliProcess send = CliProcess.start(config, null, "send", dave.username(), "after a refresh");
            assertThat(send.await(TIMEOUT)).as("send exit code; stderr: %s", send.stderr()).isZero();
            assertThat(inbox.next().body()).isEqualTo("after a refresh");

            TokenSet rotated = savedTokens(config);
            assertThat(rotated.refreshToken()).isNotEqualTo(saved.refreshToken());
            assertThat(rotated.accessTokenExpiresAt()).isAfter(Instant.now());
            assertThat(clients.tokenApi().refresh(rotated).join().jid()).as("the saved one is the live one")
                    .isEqualTo(carol.jid());
        }
    }

    @Test
    void logoutRevokesTheLoginOnTheServerAndDeletesItsFiles(@TempDir Path home) throws Exception {
        TestUser erin = users.create("erin");
        Path config = home.resolve("erin");
        login(config, erin);
        TokenSet saved = savedTokens(config);

        CliProcess logout = CliProcess.start(config, null, "logout");
        assertThat(logout.await(TIMEOUT)).as("logout exit code; stderr: %s", logout.stderr()).isZero();

        assertThat(config.resolve("tokens.properties")).doesNotExist();
        assertThat(config.resolve("config.properties")).doesNotExist();
        try (Clients clients = new Clients(server)) {
            assertThatThrownBy(() -> clients.tokenApi().refresh(saved).join()).cause()
                    .isInstanceOfSatisfying(ChatClientException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.SESSION_EXPIRED));
        }
        CliProcess send = CliProcess.start(config, null, "send", "bob", "hi");
        assertThat(send.await(TIMEOUT)).isNotZero();
        assertThat(send.stderr()).contains("run 'chatapp login' first");
    }

    @Test
    void aPasswordSavedByAnOlderVersionIsTradedForTokensAndDeleted(@TempDir Path home) throws Exception {
        TestUser frank = users.create("frank");
        Path config = home.resolve("frank");
        Files.createDirectories(config);
        Properties old = new Properties();
        old.setProperty("server", "127.0.0.1");
        old.setProperty("port", Integer.toString(server.xmppPort()));
        old.setProperty("domain", server.domain());
        old.setProperty("trust", server.certificate().toAbsolutePath().toString());
        old.setProperty("tls", "REQUIRED");
        old.setProperty("username", frank.username());
        old.setProperty("password", frank.password());
        // Old files have no API URL (the default is then used); this test's server is not on the default port.
        old.setProperty("api", server.pluginHttpUri().toString());
        write(config.resolve("config.properties"), old);

        CliProcess send = CliProcess.start(config, null, "send", frank.username(), "note to self");
        assertThat(send.await(TIMEOUT)).as("send exit code; stderr: %s", send.stderr()).isZero();

        assertThat(Files.readString(config.resolve("config.properties"))).doesNotContain(frank.password())
                .doesNotContain("password");
        assertThat(savedTokens(config).jid()).isEqualTo(frank.jid());
    }

    private void login(Path config, TestUser user) throws Exception {
        CliProcess.login(server, config, user, TIMEOUT);
    }

    private static TokenSet savedTokens(Path config) throws IOException {
        Properties tokens = read(config.resolve("tokens.properties"));
        return new TokenSet(tokens.getProperty("access_token"), Instant.parse(tokens.getProperty(
                "access_token_expires_at")), tokens.getProperty("refresh_token"),
                Instant.parse(tokens.getProperty("refresh_token_expires_at")));
    }

    private static Properties read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }

    private static void write(Path file, Properties properties) throws IOException {
        try (var writer = Files.newBufferedWriter(file)) {
            properties.store(writer, null);
        }
    }
}
