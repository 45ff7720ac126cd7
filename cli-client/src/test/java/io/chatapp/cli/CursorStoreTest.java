package io.chatapp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CursorStoreTest {

    @TempDir
    Path directory;

    @Test
    void keepsOneCursorPerAccount() throws Exception {
        CursorStore store = new CursorStore(directory);
        assertThat(store.find("alice@example.org")).isEmpty();

        store.save("alice@example.org", "100");
        store.save("bob@example.org", "7");
        store.save("Alice@example.org", "101");

        CursorStore reopened = new CursorStore(directory);
        assertThat(reopened.find("alice@example.org")).contains("101");
        assertThat(reopened.find("bob@example.org")).contains("7");
        if (PrivateFiles.isPosix(directory)) {
            assertThat(Files.getPosixFilePermissions(store.file())).isEqualTo(PrivateFiles.FILE_MODE);
        }
    }

    @Test
    void anUnreadableFileMeansNoCursor() throws Exception {
        Files.writeString(directory.resolve(CursorStore.FILE_NAME), "alice@example.org=\\u00");

        assertThat(new CursorStore(directory).find("alice@example.org")).isEmpty();
    }
}
