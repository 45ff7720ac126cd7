package io.chatapp.cli;

import io.chatapp.client.TlsPolicy;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The saved account, in {@code config.properties} in the config directory: where to connect and as whom, never a
 * secret (the login's tokens are in {@link TokenStore}). Written with mode 0600 from the start (see
 * {@link PrivateFiles}) and replaced atomically all the same: it says who you are and where you chat.
 *
 * <p>Versions before token logins kept the password here. It is read only to be replaced by tokens once
 * ({@link #takeLegacyPassword()}), which also removes it from the file.
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
    private static final String API_URL = "api";
    /** Only in files written before token logins. */
    private static final String LEGACY_PASSWORD = "password";

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
        return read().map(this::parse);
    }

    /**
     * The password an older version saved, if the file has one; the file is rewritten without it at once, so the
     * password is on disk no longer than this call.
     */
    public Optional<String> takeLegacyPassword() {
        Optional<Properties> properties = read();
        if (properties.isEmpty() || !properties.get().containsKey(LEGACY_PASSWORD)) {
            return Optional.empty();
        }
        String password = properties.get().getProperty(LEGACY_PASSWORD);
        save(parse(properties.get()));
        return Optional.of(password).filter(value -> !value.isEmpty());
    }

    private Optional<Properties> read() {
        try {
            return PrivateFiles.readProperties(file());
        } catch (IOException e) {
            throw new CliException("cannot read the saved account in " + file() + ": " + e.getMessage()
                    + "; run 'chatapp login' again", e);
        }
    }

    public void save(Account account) {
        Properties properties = new Properties();
        properties.setProperty(SERVER, account.server());
        properties.setProperty(PORT, Integer.toString(account.port()));
        properties.setProperty(DOMAIN, account.domain());
        account.trust().ifPresent(pem -> properties.setProperty(TRUST, pem.toString()));
        properties.setProperty(TLS, account.tlsPolicy().name());
        properties.setProperty(USERNAME, account.username());
        properties.setProperty(API_URL, account.apiUrl().toString());
        try {
            PrivateFiles.writeProperties(file(), properties,
                    "chatapp saved account; the login's tokens are in " + TokenStore.FILE_NAME);
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
        int port;
        TlsPolicy tls;
        URI api;
        try {
            port = Integer.parseInt(required(properties, PORT).trim());
            tls = TlsPolicy.valueOf(properties.getProperty(TLS, TlsPolicy.REQUIRED.name()).trim()
                    .toUpperCase(Locale.ROOT));
            String savedApi = properties.getProperty(API_URL, "").trim();
            // Files from before token logins have no API URL: the default for the server is what login would use.
            api = savedApi.isEmpty() ? ApiUrls.defaultFor(server.trim(), tls) : URI.create(savedApi);
        } catch (IllegalArgumentException e) {
            throw corrupt("invalid " + e.getMessage());
        }
        if (port < 1 || port > 65535) {
            throw corrupt("invalid port " + port);
        }
        String trust = properties.getProperty(TRUST, "").trim();
        return new Account(server.trim(), port, domain.trim(), trust.isEmpty() ? null : Path.of(trust), tls,
                username.trim(), api);
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
