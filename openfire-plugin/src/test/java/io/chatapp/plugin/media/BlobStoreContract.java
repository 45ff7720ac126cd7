package io.chatapp.plugin.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link BlobStore} promises, written against the interface only: each store's test extends this class
 * and says how to make an empty store.
 */
abstract class BlobStoreContract {

    private static final String TYPE = "application/octet-stream";

    protected BlobStore store;

    /** A new, empty store; closed after each test. */
    protected abstract BlobStore newStore() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = newStore();
    }

    @AfterEach
    void closeStore() throws IOException {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void storedBytesComeBackWithTheirSize() throws IOException {
        byte[] content = TestContent.bytes(300_000, 1);

        store.put("files/a1", new ByteArrayInputStream(content), content.length, "image/png");

        assertThat(store.size("files/a1")).contains((long) content.length);
        assertThat(read("files/a1", 0, content.length)).isEqualTo(content);
    }

    @Test
    void anEmptyObjectCanBeStored() throws IOException {
        store.put("files/empty", InputStream.nullInputStream(), 0, TYPE);

        assertThat(store.size("files/empty")).contains(0L);
        assertThat(read("files/empty", 0, 0)).isEmpty();
    }

    @Test
    void aMissingObjectHasNoSizeAndCannotBeRead() throws IOException {
        assertThat(store.size("files/missing")).isEmpty();
        assertThatThrownBy(() -> store.get("files/missing", 0, 10).close()).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> store.get("files/missing", 0, 0).close()).isInstanceOf(IOException.class);
    }

    @Test
    void rangesReturnExactlyTheRequestedBytes() throws IOException {
        byte[] content = TestContent.bytes(10_000, 2);
        store.put("files/r", new ByteArrayInputStream(content), content.length, TYPE);

        assertThat(read("files/r", 0, 1)).isEqualTo(Arrays.copyOfRange(content, 0, 1));
        assertThat(read("files/r", 4_321, 1_000)).isEqualTo(Arrays.copyOfRange(content, 4_321, 5_321));
        assertThat(read("files/r", 9_999, 1)).isEqualTo(Arrays.copyOfRange(content, 9_999, 10_000));
        assertThat(read("files/r", 5_000, 5_000)).isEqualTo(Arrays.copyOfRange(content, 5_000, 10_000));
    }

    @Test
    void aStreamLongerThanTheLengthIsStoredUpToTheLength() throws IOException {
        byte[] content = TestContent.bytes(2_000, 3);

        store.put("files/long", new ByteArrayInputStream(content), 1_000, TYPE);

        assertThat(store.size("files/long")).contains(1_000L);
        assertThat(read("files/long", 0, 1_000)).isEqualTo(Arrays.copyOf(content, 1_000));
    }

    @Test
    void aPutReplacesTheObject() throws IOException {
        store.put("files/o", new ByteArrayInputStream(TestContent.bytes(5_000, 4)), 5_000, TYPE);
        byte[] second = TestContent.bytes(700, 5);

        store.put("files/o", new ByteArrayInputStream(second), second.length, TYPE);

        assertThat(store.size("files/o")).contains(700L);
        assertThat(read("files/o", 0, 700)).isEqualTo(second);
    }

    @Test
    void deleteRemovesTheObjectAndMayBeRepeated() throws IOException {
        store.put("files/d", new ByteArrayInputStream(new byte[10]), 10, TYPE);

        store.delete("files/d");
        store.delete("files/d");
        store.delete("files/never-stored");

        assertThat(store.size("files/d")).isEmpty();
        assertThat(list("")).isEmpty();
    }

    @Test
    void listGivesEveryKeyUnderThePrefixAndNothingElse() throws IOException {
        for (String key : List.of("files/a", "files/b/c", "files-x/d", "thumbs/a")) {
            store.put(key, new ByteArrayInputStream(new byte[3]), 3, TYPE);
        }

        assertThat(list("files/")).containsExactlyInAnyOrder("files/a", "files/b/c");
        assertThat(list("files")).containsExactlyInAnyOrder("files/a", "files/b/c", "files-x/d");
        assertThat(list("thumbs/")).containsExactly("thumbs/a");
        assertThat(list("")).containsExactlyInAnyOrder("files/a", "files/b/c", "files-x/d", "thumbs/a");
        assertThat(list("nothing/")).isEmpty();
    }

    @Test
    void aStreamFailingHalfWayLeavesNothingAndItsExceptionIsRethrown() throws IOException {
        assertFailureHalfWayLeavesNothing(new IOException("connection reset by the uploader"), 3_000_000,
                1_500_000);
    }

    @Test
    void aValidatorRefusingHalfWayLeavesNothingAndItsExceptionIsRethrown() throws IOException {
        assertFailureHalfWayLeavesNothing(new IllegalStateException("not an image"), 1_000_000, 64 * 1024);
    }

    private void assertFailureHalfWayLeavesNothing(Exception failure, long length, long failAt) throws IOException {
        InputStream content = TestContent.withCheckpoint(length, 6, failAt, () -> {
            if (failure instanceof IOException io) {
                throw io;
            }
            throw (RuntimeException) failure;
        });

        assertThatThrownBy(() -> store.put("files/cut", content, length, TYPE)).isSameAs(failure);

        assertThat(store.size("files/cut")).isEmpty();
        assertThat(list("")).isEmpty();
    }

    @Test
    void aStreamShorterThanTheLengthFailsAndLeavesNothing() throws IOException {
        assertThatThrownBy(() -> store.put("files/short", new ByteArrayInputStream(new byte[500]), 1_000, TYPE))
                .isInstanceOf(IOException.class);

        assertThat(store.size("files/short")).isEmpty();
        assertThat(list("")).isEmpty();
    }

    @Test
    void aFailedPutKeepsTheObjectItWouldHaveReplaced() throws IOException {
        byte[] first = TestContent.bytes(2_000, 8);
        store.put("files/keep", new ByteArrayInputStream(first), first.length, TYPE);
        IOException cutOff = new IOException("cut off");

        assertThatThrownBy(() -> store.put("files/keep", TestContent.withCheckpoint(500_000, 9, 200_000, () -> {
            throw cutOff;
        }), 500_000, TYPE)).isSameAs(cutOff);

        assertThat(store.size("files/keep")).contains(2_000L);
        assertThat(read("files/keep", 0, 2_000)).isEqualTo(first);
    }

    @Test
    void anObjectIsInvisibleUntilItsLastByteIsStored() throws IOException {
        AtomicReference<Optional<Long>> sizeHalfWay = new AtomicReference<>();
        AtomicReference<List<String>> keysHalfWay = new AtomicReference<>();
        InputStream content = TestContent.withCheckpoint(2_000_000, 10, 1_000_000, () -> {
            sizeHalfWay.set(store.size("files/growing"));
            keysHalfWay.set(list(""));
        });

        store.put("files/growing", content, 2_000_000, TYPE);

        assertThat(sizeHalfWay.get()).isEmpty();
        assertThat(keysHalfWay.get()).isEmpty();
        assertThat(store.size("files/growing")).contains(2_000_000L);
    }

    /**
     * A large object goes through in both directions without the store holding it in memory: half-way through,
     * the live heap (measured after a full collection) has grown by far less than the object.
     */
    @Test
    void aLargeObjectIsStreamedWithoutHeapGrowth() throws IOException {
        long length = 96L * 1024 * 1024;
        long allowedGrowth = 24L * 1024 * 1024;
        long before = liveHeap();
        AtomicLong duringUpload = new AtomicLong();

        store.put("files/large", TestContent.withCheckpoint(length, 11, length * 3 / 4,
                () -> duringUpload.set(liveHeap())), length, "video/mp4");

        assertThat(duringUpload.get() - before).as("heap growth during the upload").isLessThan(allowedGrowth);
        assertThat(store.size("files/large")).contains(length);

        long beforeDownload = liveHeap();
        long duringDownload;
        String stored;
        try (InputStream in = store.get("files/large", 0, length)) {
            in.readNBytes(new byte[65_536], 0, 65_536);
            in.skipNBytes(length / 2);
            duringDownload = liveHeap();
            stored = TestContent.sha256(in);
        }
        assertThat(duringDownload - beforeDownload).as("heap growth during the download").isLessThan(allowedGrowth);

        InputStream expected = TestContent.of(length, 11);
        expected.skipNBytes(65_536 + length / 2);
        assertThat(stored).isEqualTo(TestContent.sha256(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/files/a", "files//a", "files/a/", "../etc/passwd", "files/../a", "files/./a",
            "Files/a", "files/a b", "files\\a", "files/a%2f", "files/ä", "files/a\n", "s3://bucket/a"})
    void malformedKeysAreRefusedBeforeStorageIsTouched(String key) throws IOException {
        assertThatThrownBy(() -> store.put(key, new ByteArrayInputStream(new byte[1]), 1, TYPE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.size(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.get(key, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete(key)).isInstanceOf(IllegalArgumentException.class);

        assertThat(list("")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/files", "files//", "../", "Files/", "files/a b"})
    void malformedPrefixesAreRefused(String prefix) {
        assertThatThrownBy(() -> store.list(prefix, key -> { })).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeRangesAreRefused() throws IOException {
        store.put("files/n", new ByteArrayInputStream(new byte[10]), 10, TYPE);

        assertThatThrownBy(() -> store.get("files/n", -1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.get("files/n", 0, -5)).isInstanceOf(IllegalArgumentException.class);
    }

    protected byte[] read(String key, long offset, long length) throws IOException {
        try (InputStream in = store.get(key, offset, length)) {
            return in.readAllBytes();
        }
    }

    protected List<String> list(String prefix) throws IOException {
        List<String> keys = new ArrayList<>();
        store.list(prefix, keys::add);
        return keys;
    }

    private static long liveHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
