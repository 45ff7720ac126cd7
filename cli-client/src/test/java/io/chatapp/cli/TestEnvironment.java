package io.chatapp.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** A {@link CliEnvironment} for tests: a temporary config directory, given input, captured output. */
final class TestEnvironment {

    final Path configDirectory;
    final Map<String, String> variables = new HashMap<>();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    String stdin = "";
    PasswordConsole console = PasswordConsole.none();

    TestEnvironment(Path temporary) {
        this.configDirectory = temporary.resolve("config");
        variables.put(ConfigDirectory.OVERRIDE_VARIABLE, configDirectory.toString());
        variables.put(ConfigDirectory.XDG_VARIABLE, temporary.resolve("xdg-must-not-be-used").toString());
    }

    TestEnvironment password(String password) {
        variables.put(CliEnvironment.PASSWORD_VARIABLE, password);
        return this;
    }

    CliEnvironment build() {
        return new CliEnvironment(variables, configDirectory.resolveSibling("home"),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), console);
    }

    /** Runs chatapp with these arguments and returns the exit code. */
    int run(String... args) {
        return new ChatappCli(build()).run(args);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    AccountStore store() {
        return new AccountStore(configDirectory);
    }

    TokenStore tokens() {
        return new TokenStore(configDirectory);
    }

    /** Saves an account alice@localhost on these ports of this machine, with tokens valid for an hour. */
    Account saveLogin(int xmppPort, int apiPort) {
        Account account = new Account("127.0.0.1", xmppPort, "localhost", null, io.chatapp.client.TlsPolicy.REQUIRED,
                "alice", URI.create("http://127.0.0.1:" + apiPort + "/"));
        store().save(account);
        tokens().save(tokens("alice@localhost"));
        return account;
    }

    /** Tokens shaped like the server's, for the given account (the client reads only the access token's sub). */
    static io.chatapp.client.TokenSet tokens(String jid) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String claims = base64.encodeToString(("{\"sub\":\"" + jid + "\"}").getBytes(StandardCharsets.UTF_8));
        Instant now = Instant.now();
        return new io.chatapp.client.TokenSet("eyJhbGciOiJFZERTQSJ9." + claims + ".c2ln", now.plusSeconds(3600),
                "refresh-token", now.plusSeconds(30L * 24 * 3600));
    }
}
