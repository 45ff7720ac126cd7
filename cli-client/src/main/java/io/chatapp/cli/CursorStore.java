package io.chatapp.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Where {@code listen} and the shell take up the archive after being offline: the archive id of the last message
 * each account was shown, in {@code cursor.properties} in the config directory (mode 0600, replaced atomically, see
 * {@link PrivateFiles}), one line per account address. Restored with {@code History.startAfter} before logging in,
 * so what arrived meanwhile is printed once, and only once.
 */
public final class CursorStore {

    public static final String FILE_NAME = "cursor.properties";

    private final Path directory;

    public CursorStore(Path directory) {
        this.directory = directory;
    }

    public Path file() {
        return directory.resolve(FILE_NAME);
    }

    /** The last archive id shown to the account; empty when none was saved (or the file cannot be read). */
    public Optional<String> find(String bareJid) {
        try {
            return PrivateFiles.readProperties(file())
                    .map(properties -> properties.getProperty(key(bareJid)))
                    .filter(id -> !id.isBlank());
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // a lost cursor only means no catch-up from the archive this time
        }
    }

    /** Saves the account's cursor. */
    public synchronized void save(String bareJid, String archiveId) {
        try {
            Properties properties = PrivateFiles.readProperties(file()).orElseGet(Properties::new);
            if (archiveId.equals(properties.getProperty(key(bareJid)))) {
                return;
            }
            properties.setProperty(key(bareJid), archiveId);
            PrivateFiles.writeProperties(file(), properties,
                    "chatapp: the archive id of the last message shown, per account (where catch-up starts)");
        } catch (IOException | IllegalArgumentException e) {
            throw new CliException("cannot save the archive position in " + file() + ": " + e.getMessage(), e);
        }
    }

    private static String key(String bareJid) {
        return bareJid.toLowerCase(java.util.Locale.ROOT);
    }
}
