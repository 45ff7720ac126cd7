package io.chatapp.plugin.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@link BlobStoreContract}, plus what is particular to files: the root, temporary files, traversal. */
class LocalBlobStoreTest extends BlobStoreContract {

    @TempDir
    Path root;

    @Override
    protected BlobStore newStore() throws IOException {
        return new LocalBlobStore(root);
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Every file under the root, temporary ones included. */
    private List<Path> everything() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void storesReadsRangesListsAndDeletes() throws Exception {
        LocalBlobStore store = new LocalBlobStore(root);
        store.put("files/abc", bytes("hello world"), 11, "text/plain");
        store.put("thumbs/abc", bytes("jpeg"), 4, "image/jpeg");

        assertThat(store.size("files/abc")).contains(11L);
        assertThat(store.size("files/missing")).isEmpty();
        assertThat(read(store.get("files/abc", 0, 11))).isEqualTo("hello world");
        assertThat(read(store.get("files/abc", 6, 3))).isEqualTo("wor");
        List<String> keys = new ArrayList<>();
        store.list("files/", keys::add);
        assertThat(keys).containsExactly("files/abc");

        store.delete("files/abc");
        store.delete("files/abc");
        assertThat(store.size("files/abc")).isEmpty();
    }

    @Test
    void aFailedUploadLeavesNothingBehind() throws Exception {
        LocalBlobStore store = new LocalBlobStore(root);
        InputStream failing = new FilterInputStream(bytes("x".repeat(200_000))) {
            private int read;

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (read > 100_000) {
                    throw new IOException("validation refused it half-way");
                }
                int n = super.read(buffer, offset, length);
                read += Math.max(n, 0);
                return n;
            }
        };
        assertThatThrownBy(() -> store.put("files/a", failing, 200_000, "text/plain"))
                .hasMessageContaining("half-way");
        assertThatThrownBy(() -> store.put("files/b", bytes("short"), 10, "text/plain"))
                .hasMessageContaining("ended after 5 of 10");

        assertThat(everything()).isEmpty();
    }

    @Test
    void aReplacedBlobIsSwappedWhole() throws Exception {
        LocalBlobStore store = new LocalBlobStore(root);
        store.put("files/a", bytes("first"), 5, "text/plain");
        assertThatThrownBy(() -> store.put("files/a", bytes("se"), 6, "text/plain")).isInstanceOf(IOException.class);
        assertThat(read(store.get("files/a", 0, 5))).isEqualTo("first");
    }

    @Test
    void keysThatCouldEscapeTheRootAreRefused() throws Exception {
        LocalBlobStore store = new LocalBlobStore(root.resolve("media"));
        Files.writeString(root.resolve("secret"), "do not read");
        for (String key : List.of("../secret", "files/../../secret", "/etc/passwd", "files//a", "files/A",
                "files/a.b", "", "files/", "files\\a", "%2e%2e/secret")) {
            assertThatThrownBy(() -> store.get(key, 0, 1)).as(key).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.put(key, bytes("x"), 1, "text/plain")).as(key)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.delete(key)).as(key).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Files.readString(root.resolve("secret"))).isEqualTo("do not read");
    }
}
