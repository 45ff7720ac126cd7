package io.chatapp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {

    @TempDir
    Path temporary;

    @Test
    void createsMissingFileOwnerOnly() throws IOException {
        assumeTrue(PrivateFiles.isPosix(temporary), "POSIX file permissions");
        Path history = temporary.resolve("chatapp/history");

        PrivateFiles.createOrRestrict(history);

        assertThat(history).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(history))).isEqualTo("rw-------");
    }

    @Test
    void restrictsAnExistingFileAndKeepsItsContent() throws IOException {
        assumeTrue(PrivateFiles.isPosix(temporary), "POSIX file permissions");
        Path history = temporary.resolve("history");
        Files.writeString(history, "/help\n");
        Files.setPosixFilePermissions(history, PosixFilePermissions.fromString("rw-rw-r--"));

        PrivateFiles.createOrRestrict(history);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(history))).isEqualTo("rw-------");
        assertThat(history).hasContent("/help");
    }

    @Test
    void writesAtomicallyReplacingTheOldContent() throws IOException {
        Path file = temporary.resolve("config.properties");
        Files.writeString(file, "old");

        PrivateFiles.writeAtomically(file, "new".getBytes());

        assertThat(file).hasContent("new");
    }
}
