package io.chatapp.cli;

import io.chatapp.client.TlsPolicy;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The saved account, in {@code config.properties} in the config directory. The file holds the password, so it is
 * written with mode 0600 from the start (see {@link PrivateFiles}) and replaced atomically.
 */
public final class AccountStore {

    public static final String FILE_NAME = "config.properties";

    static final String NO_ACCOUNT = "no saved account; run 'chatapp login' first";

    private static final String SERVER = "server";
    private static final String PORT = "port";
    private static final String DOMAIN = "domain";
    private static final String TRUST = "trust";
    private static final String TLS = "tls";
    private static final String USERNAME = "username";
    private static final String PASSWORD = "password";

    private final Path directory;

    public AccountStore(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    public Path file() {
        return directory.resolve(FILE_NAME);
    }

    /** The saved account; fails with a message telling to log in when there is none. */
    public Account load() {
        return find().orElseThrow(() -> new CliException(NO_ACCOUNT));
    }

    public Optional<Account> find() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            throw new CliException("cannot read the saved account in " + file() + ": " + e.getMessage()
                    + "; run 'chatapp login' again", e);
        }
        return Optional.of(parse(properties));
    }

    public void save(Account account) {
        Properties properties = new Properties();
        properties.setProperty(SERVER, account.server());
        properties.setProperty(PORT, Integer.toString(account.port()));
        properties.setProperty(DOMAIN, account.domain());
        account.trust().ifPresent(pem -> properties.setProperty(TRUST, pem.toString()));
        properties.setProperty(TLS, account.tlsPolicy().name());
        properties.setProperty(USERNAME, account.username());
        properties.setProperty(PASSWORD, account.password());
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "chatapp saved account. Contains the password: keep it private (mode 0600).");
            PrivateFiles.writeAtomically(file(), text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CliException("cannot save the account in " + file() + ": " + describe(e), e);
        }
    }

    /** Deletes the saved account; false when there was none. */
    public boolean delete() {
        try {
            return Files.deleteIfExists(file());
        } catch (IOException e) {
            throw new CliException("cannot delete " + file() + ": " + describe(e), e);
        }
    }

    private Account parse(Properties properties) {
        String server = required(properties, SERVER);
        String domain = required(properties, DOMAIN);
        String username = required(properties, USERNAME);
        String password = required(properties, PASSWORD);
        int port;
        TlsPolicy tls;
        try {
            port = Integer.parseInt(required(properties, PORT).trim());
            tls = TlsPolicy.valueOf(properties.getProperty(TLS, TlsPolicy.REQUIRED.name()).trim()
                    .toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw corrupt("invalid " + e.getMessage());
        }
        if (port < 1 || port > 65535) {
            throw corrupt("invalid port " + port);
        }
        String trust = properties.getProperty(TRUST, "").trim();
        return new Account(server.trim(), port, domain.trim(), trust.isEmpty() ? null : Path.of(trust), tls,
                username.trim(), password);
    }

    private String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isEmpty()) {
            throw corrupt("'" + key + "' is missing");
        }
        return value;
    }

    private CliException corrupt(String detail) {
        return new CliException("the saved account in " + file() + " is incomplete (" + detail
                + "); run 'chatapp login' again");
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
