package io.chatapp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chatapp.client.TlsPolicy;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountStoreTest {

    @TempDir
    Path temporary;

    private static Account alice(String apiPath) {
        return new Account("chat.example.org", 5223, "example.org", Path.of("/etc/chat/server.pem"),
                TlsPolicy.REQUIRED, "alice", URI.create("https://chat.example.org/" + apiPath));
    }

    @Test
    void savedAccountLoadsBackUnchanged() {
        AccountStore store = new AccountStore(temporary.resolve("chatapp"));
        Account account = alice("api/");

        store.save(account);

        assertThat(store.load()).isEqualTo(account);
    }

    @Test
    void theFileHoldsNoSecret() throws IOException {
        AccountStore store = new AccountStore(temporary);

        store.save(alice(""));

        assertThat(Files.readString(store.file())).doesNotContain("password").contains("api=https");
    }

    @Test
    void aPasswordFromAnOlderVersionIsTakenOnceAndRemovedFromTheFile() throws IOException {
        AccountStore store = new AccountStore(temporary);
        Files.writeString(store.file(), "server=chat.example.org\nport=5222\ndomain=example.org\ntls=REQUIRED\n"
                + "username=alice\npassword=p \\u00e9 \\= w\n");

        assertThat(store.takeLegacyPassword()).hasValue("p \u00e9 = w");

        assertThat(Files.readString(store.file())).doesNotContain("password").doesNotContain("p \u00e9");
        assertThat(store.takeLegacyPassword()).isEmpty();
        assertThat(store.load().apiUrl()).as("an old file has no API URL: the default")
                .isEqualTo(URI.create("https://chat.example.org:9097/"));
    }

    @Test
    void accountWithoutTlsOrCertificateLoadsBack() {
        AccountStore store = new AccountStore(temporary);
        Account account = new Account("localhost", 5222, "localhost", null, TlsPolicy.DISABLED, "bob",
                URI.create("http://localhost:9097/"));

        store.save(account);

        assertThat(store.load()).isEqualTo(account);
        assertThat(store.load().trust()).isEmpty();
    }

    @Test
    void fileIsReadableAndWritableByItsOwnerOnly() throws IOException {
        assumeTrue(PrivateFiles.isPosix(temporary), "POSIX file permissions");
        AccountStore store = new AccountStore(temporary);

        store.save(alice(""));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())))
                .isEqualTo("rw-------");
    }

    @Test
    void overwritingKeepsTheFileOwnerOnly() throws IOException {
        assumeTrue(PrivateFiles.isPosix(temporary), "POSIX file permissions");
        AccountStore store = new AccountStore(temporary);
        store.save(alice("first/"));
        Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("rw-r--r--"));

        store.save(alice("second/"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())))
                .isEqualTo("rw-------");
        assertThat(store.load().apiUrl().getPath()).isEqualTo("/second/");
    }

    @Test
    void createdDirectoriesAreOwnerOnly() throws IOException {
        assumeTrue(PrivateFiles.isPosix(temporary), "POSIX file permissions");
        Path directory = temporary.resolve("home/.config/chatapp");
        AccountStore store = new AccountStore(directory);

        store.save(alice(""));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)))
                .isEqualTo("rwx------");
    }

    @Test
    void noTemporaryFileIsLeftBehind() throws IOException {
        AccountStore store = new AccountStore(temporary);

        store.save(alice("one/"));
        store.save(alice("two/"));

        try (Stream<Path> files = Files.list(temporary)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("config.properties");
        }
    }

    @Test
    void missingAccountTellsToLogIn() {
        AccountStore store = new AccountStore(temporary.resolve("nothing-here"));

        assertThat(store.find()).isEmpty();
        assertThatThrownBy(store::load)
                .isInstanceOf(CliException.class)
                .hasMessage("no saved account; run 'chatapp login' first");
    }

    @Test
    void incompleteFileTellsToLogInAgain() throws IOException {
        AccountStore store = new AccountStore(temporary);
        Files.writeString(store.file(), "server=localhost\nport=5222\ndomain=localhost\n",
                StandardCharsets.UTF_8);

        assertThatThrownBy(store::load)
                .isInstanceOf(CliException.class)
                .hasMessageContaining("'username' is missing")
                .hasMessageEndingWith("run 'chatapp login' again");
    }

    @Test
    void invalidPortTellsToLogInAgain() throws IOException {
        AccountStore store = new AccountStore(temporary);
        Files.writeString(store.file(),
                "server=localhost\nport=many\ndomain=localhost\nusername=alice\npassword=x\n");

        assertThatThrownBy(store::load).isInstanceOf(CliException.class).hasMessageContaining("incomplete");
    }

    @Test
    void deleteRemovesTheAccount() {
        AccountStore store = new AccountStore(temporary);
        store.save(alice(""));

        assertThat(store.delete()).isTrue();
        assertThat(store.find()).isEmpty();
        assertThat(store.delete()).isFalse();
    }

}
