package io.chatapp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chatapp.client.TokenSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {

    @TempDir
    Path temporary;

    private static final TokenSet TOKENS = new TokenSet("eyJ.eyJ.sig", Instant.parse("2026-11-24T12:15:03Z"),
            "NYgUrArL1Z9-_6", Instant.parse("2026-12-24T12:00:03.5Z"));

    @Test
    void savedTokensLoadBackUnchanged() {
        TokenStore store = new TokenStore(temporary.resolve("chatapp"));

        store.save(TOKENS);

        assertThat(store.find()).hasValue(TOKENS);
    }

    @Test
    void theFileIsOwnerOnlyFromTheStartAndReplacedOnEachSave() throws IOException {
        assumeTrue(PrivateFiles.isPosix(temporary), "POSIX file permissions");
        TokenStore store = new TokenStore(temporary);
        store.save(TOKENS);
        Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("rw-r--r--"));
        TokenSet rotated = new TokenSet("eyJ.new.sig", Instant.parse("2026-11-24T12:30:00Z"), "rotated",
                Instant.parse("2026-12-24T12:15:00Z"));

        store.save(rotated);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(store.find()).hasValue(rotated);
    }

    @Test
    void noFileMeansNoTokensAndDeleteSaysWhetherThereWereAny() {
        TokenStore store = new TokenStore(temporary);
        assertThat(store.find()).isEmpty();
        assertThat(store.delete()).isFalse();
        store.save(TOKENS);
        assertThat(store.delete()).isTrue();
        assertThat(store.find()).isEmpty();
    }

    @Test
    void aDamagedFileTellsToLogInAgain() throws IOException {
        TokenStore store = new TokenStore(temporary);
        Files.writeString(store.file(), "access_token=abc\naccess_token_expires_at=tomorrow\n");

        assertThatThrownBy(store::find).isInstanceOf(CliException.class)
                .hasMessageEndingWith("run 'chatapp login' again");
    }
}
