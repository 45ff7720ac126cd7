package io.chatapp.cli;

import io.chatapp.client.TokenSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Properties;

/**
 * The saved login's tokens, in {@code tokens.properties} in the config directory, apart from the account because
 * they change with every refresh. Whoever reads the file can chat as you until the refresh token expires or you
 * log out, so it is written with mode 0600 from the start and replaced atomically (see {@link PrivateFiles}).
 */
public final class TokenStore {

    public static final String FILE_NAME = "tokens.properties";

    private static final String ACCESS_TOKEN = "access_token";
    private static final String ACCESS_EXPIRES = "access_token_expires_at";
    private static final String REFRESH_TOKEN = "refresh_token";
    private static final String REFRESH_EXPIRES = "refresh_token_expires_at";

    private final Path directory;

    public TokenStore(Path directory) {
        this.directory = directory;
    }

    public Path file() {
        return directory.resolve(FILE_NAME);
    }

    /** The saved tokens; empty when there are none. */
    public Optional<TokenSet> find() {
        Properties properties;
        try {
            Optional<Properties> saved = PrivateFiles.readProperties(file());
            if (saved.isEmpty()) {
                return Optional.empty();
            }
            properties = saved.get();
        } catch (IOException e) {
            throw damaged(e.getMessage());
        }
        try {
            return Optional.of(new TokenSet(
                    properties.getProperty(ACCESS_TOKEN),
                    Instant.parse(properties.getProperty(ACCESS_EXPIRES, "")),
                    properties.getProperty(REFRESH_TOKEN),
                    Instant.parse(properties.getProperty(REFRESH_EXPIRES, ""))));
        } catch (DateTimeParseException | IllegalArgumentException | NullPointerException e) {
            throw damaged("incomplete");
        }
    }

    public void save(TokenSet tokens) {
        Properties properties = new Properties();
        properties.setProperty(ACCESS_TOKEN, tokens.accessToken());
        properties.setProperty(ACCESS_EXPIRES, tokens.accessTokenExpiresAt().toString());
        properties.setProperty(REFRESH_TOKEN, tokens.refreshToken());
        properties.setProperty(REFRESH_EXPIRES, tokens.refreshTokenExpiresAt().toString());
        try {
            PrivateFiles.writeProperties(file(), properties, "chatapp login tokens: they log in as you, keep them private (mode 0600)."
                    + " 'chatapp logout' revokes them.");
        } catch (IOException e) {
            throw new CliException("cannot save the login in " + file() + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the saved tokens; false when there were none. */
    public boolean delete() {
        try {
            return Files.deleteIfExists(file());
        } catch (IOException e) {
            throw new CliException("cannot delete " + file() + ": " + e.getMessage(), e);
        }
    }

    private CliException damaged(String detail) {
        return new CliException("the saved login in " + file() + " cannot be read (" + detail
                + "); run 'chatapp login' again");
    }
}
