package io.chatapp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line as users and scripts see it: exit codes and the one-line errors. No server needed. */
class CommandLineTest {

    @TempDir
    Path temporary;

    private TestEnvironment environment;

    @BeforeEach
    void setUp() {
        environment = new TestEnvironment(temporary);
    }

    /** A port on this machine where nothing listens: connecting is refused at once. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void assertOneErrorLine(String expected) {
        assertThat(environment.err()).isEqualTo("chatapp: " + expected + System.lineSeparator());
    }

    private void assertUsageError(int exitCode) {
        assertThat(exitCode).isEqualTo(2);
        assertThat(environment.err().lines()).hasSize(1).allMatch(line -> line.startsWith("chatapp: "));
        assertThat(environment.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "send",
        "send bob",
        "register",
        "login",
        "listen --count 0",
        "listen --count many",
        "listen --timeout 0",
        "logout extra",
        "send --no-such-option bob hi",
        "send-file",
        "send-file bob",
        "no-such-command",
        "login --port 70000 alice"})
    void wrongUsageIsExitCodeTwoWithOneLine(String commandLine) {
        environment.password("pw");

        assertUsageError(environment.run(commandLine.split(" ")));
    }

    @Test
    void missingArgumentsAreNamed() {
        int exitCode = environment.run("send");

        assertThat(exitCode).isEqualTo(2);
        assertOneErrorLine("missing required parameters: 'USER', 'TEXT' (see 'chatapp send --help')");
    }

    @Test
    void unknownCommandListsTheCommands() {
        environment.run("sned", "bob", "hi");

        assertThat(environment.err()).startsWith("chatapp: unknown command 'sned'; the commands are register, "
                + "login, logout, send, send-file, listen, history, help");
    }

    @Test
    void sendWithoutSavedAccountTellsToLogIn() {
        int exitCode = environment.run("send", "bob", "hello", "world");

        assertThat(exitCode).isEqualTo(1);
        assertOneErrorLine("no saved account; run 'chatapp login' first");
    }

    @Test
    void sendFileNamesAMissingFileBeforeAnythingElse() {
        assertThat(environment.run("send-file", "bob", temporary.resolve("no-such.jpg").toString())).isEqualTo(1);
        assertOneErrorLine("no such file: " + temporary.resolve("no-such.jpg"));
    }

    @Test
    void sendFileWithoutSavedAccountTellsToLogIn() throws IOException {
        java.nio.file.Path file = java.nio.file.Files.writeString(temporary.resolve("a.txt"), "hello");
        assertThat(environment.run("send-file", "bob", file.toString())).isEqualTo(1);
        assertOneErrorLine("no saved account; run 'chatapp login' first");
    }

    @Test
    void sendFileToAnUnreachableServerFails() throws IOException {
        java.nio.file.Path file = java.nio.file.Files.writeString(temporary.resolve("a.txt"), "hello");
        environment.saveLogin(closedPort(), closedPort());

        assertThat(environment.run("send-file", "bob", file.toString())).isEqualTo(1);
        assertOneErrorLine("cannot reach the server: Connection refused");
    }

    @Test
    void listenWithoutSavedAccountTellsToLogIn() {
        assertThat(environment.run("listen", "--count", "1", "--timeout", "30")).isEqualTo(1);
        assertOneErrorLine("no saved account; run 'chatapp login' first");
    }

    @Test
    void shellWithoutSavedAccountTellsToLogIn() {
        assertThat(environment.run()).isEqualTo(1);
        assertOneErrorLine("no saved account; run 'chatapp login' first");
    }

    @Test
    void loginToAnUnreachableServerFailsAndSavesNothing() throws IOException {
        environment.password("pw");
        int apiPort = closedPort();

        int exitCode = environment.run("login", "--server", "127.0.0.1", "--port", "" + closedPort(),
                "--domain", "localhost", "--api-url", "http://127.0.0.1:" + apiPort, "alice");

        assertThat(exitCode).isEqualTo(1);
        assertOneErrorLine("cannot reach the server: Connection refused (token API at http://127.0.0.1:" + apiPort
                + "/)");
        assertThat(environment.store().find()).isEmpty();
        assertThat(environment.tokens().find()).isEmpty();
    }

    @Test
    void anApiUrlInTheClearToAnotherMachineIsRefusedWhenTlsIsRequired() {
        environment.password("pw");

        assertThat(environment.run("login", "--server", "chat.example.org", "--api-url",
                "http://chat.example.org:9097/", "alice")).isEqualTo(1);
        assertThat(environment.err()).contains("https");
    }

    @Test
    void sendToAnUnreachableServerFails() throws IOException {
        environment.saveLogin(closedPort(), closedPort());

        assertThat(environment.run("send", "bob", "hello")).isEqualTo(1);
        assertOneErrorLine("cannot reach the server: Connection refused");
    }

    @Test
    void aRefusedRefreshTokenIsOneErrorLineTellingToLogInAgain() throws IOException {
        com.sun.net.httpserver.HttpServer api = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        api.createContext("/api/v1/auth/refresh", exchange -> {
            byte[] body = "{\"error\":\"invalid_grant\",\"message\":\"log in again\"}".getBytes();
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        api.start();
        try {
            environment.saveLogin(closedPort(), api.getAddress().getPort());
            io.chatapp.client.TokenSet saved = environment.tokens().find().orElseThrow();
            environment.tokens().save(new io.chatapp.client.TokenSet(saved.accessToken(),
                    java.time.Instant.now().minusSeconds(1), saved.refreshToken(), saved.refreshTokenExpiresAt()));

            assertThat(environment.run("send", "bob", "hello")).isEqualTo(1);
            assertOneErrorLine("your login has expired or was revoked; run 'chatapp login' again");
        } finally {
            api.stop(0);
        }
    }

    @Test
    void anAccountWithoutTokensTellsToLogIn() throws IOException {
        environment.saveLogin(closedPort(), closedPort());
        environment.tokens().delete();

        assertThat(environment.run("send", "bob", "hello")).isEqualTo(1);
        assertOneErrorLine("no saved login; run 'chatapp login' first");
    }

    @Test
    void aPasswordSavedByAnOlderVersionIsRemovedAtTheFirstUse() throws IOException {
        Files.createDirectories(environment.configDirectory);
        Path config = environment.configDirectory.resolve("config.properties");
        Files.writeString(config, "server=127.0.0.1\nport=" + closedPort() + "\ndomain=localhost\ntls=REQUIRED\n"
                + "username=alice\npassword=hunter2\n");

        assertThat(environment.run("send", "bob", "hello")).isEqualTo(1);

        assertThat(Files.readString(config)).doesNotContain("hunter2").doesNotContain("password")
                .contains("username=alice");
        assertThat(environment.err()).contains("the saved password was removed")
                .contains("run 'chatapp login' again");
        assertThat(environment.store().load().apiUrl()).hasToString("http://127.0.0.1:9097/");
    }

    @Test
    void verboseAddsTheStackTraceAndEndsWithTheErrorLine() throws IOException {
        environment.saveLogin(closedPort(), closedPort());

        assertThat(environment.run("send", "-v", "bob", "hello")).isEqualTo(1);

        assertThat(environment.err()).contains("\tat ");
        assertThat(environment.err().lines().reduce((first, second) -> second))
                .contains("chatapp: cannot reach the server: Connection refused");
    }

    @Test
    void recipientWithDeviceIsAUsageError() throws IOException {
        environment.saveLogin(closedPort(), closedPort());

        assertUsageError(environment.run("send", "bob@localhost/phone", "hello"));
    }

    @Test
    void unsendableTextIsAUsageError() {
        assertUsageError(environment.run("send", "bob", "\u001b[2J"));
    }

    @Test
    void missingCertificateFileIsNamed() {
        environment.password("pw");
        Path missing = temporary.resolve("missing.pem");

        assertThat(environment.run("login", "--trust", missing.toString(), "alice")).isEqualTo(1);
        assertOneErrorLine("cannot read the certificate file " + missing);
    }

    @Test
    void noPasswordAndNoTerminalIsAUsageError() {
        assertUsageError(environment.run("login", "alice"));
        assertThat(environment.err()).contains("--password-stdin").contains("CHATAPP_PASSWORD");
    }

    @Test
    void emptyStandardInputWithPasswordStdinIsAUsageError() {
        assertUsageError(environment.run("register", "--password-stdin", "alice"));
        assertThat(environment.err()).contains("nothing on standard input");
    }

    @Test
    void logoutDeletesAnAccountThatHasNoTokens() throws IOException {
        environment.saveLogin(closedPort(), closedPort());
        environment.tokens().delete();

        assertThat(environment.run("logout")).isZero();

        assertThat(environment.store().find()).isEmpty();
        assertThat(environment.out()).startsWith("Removed the saved login alice@localhost");
    }

    @Test
    void logoutDeletesTheLoginHereEvenWhenTheServerCannotRevokeIt() throws IOException {
        environment.saveLogin(closedPort(), closedPort());

        assertThat(environment.run("logout")).isEqualTo(1);

        assertThat(environment.store().find()).isEmpty();
        assertThat(environment.tokens().find()).isEmpty();
        assertThat(environment.out()).startsWith("Removed the saved login alice@localhost");
        assertThat(environment.err()).startsWith("chatapp: could not revoke the login on the server")
                .contains("cannot reach the server");
    }

    @Test
    void logoutWithoutAccountIsFine() {
        assertThat(environment.run("logout")).isZero();
        assertThat(environment.out()).isEqualTo("No saved login." + System.lineSeparator());
    }

    @Test
    void logoutDeletesEvenADamagedFile() throws IOException {
        Files.createDirectories(environment.configDirectory);
        Files.writeString(environment.configDirectory.resolve("config.properties"), "garbage");

        assertThat(environment.run("logout")).isZero();
        assertThat(environment.store().file()).doesNotExist();
    }

    @Test
    void versionAndHelp() {
        assertThat(environment.run("--version")).isZero();
        assertThat(environment.out()).startsWith("chatapp ");

        assertThat(environment.run("--help")).isZero();
        assertThat(environment.out()).contains("register", "login", "logout", "send", "listen");
        assertThat(environment.err()).isEmpty();
    }

    @Test
    void commandHelpShowsItsParameters() {
        assertThat(environment.run("send", "--help")).isZero();
        assertThat(environment.out()).contains("Usage: chatapp send", "USER", "TEXT");

        assertThat(environment.run("help", "register")).isZero();
        assertThat(environment.out()).contains("--password-stdin", "--trust=PEM_FILE", "--no-tls", "USERNAME");
    }
}
