package io.chatapp.plugin.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The slot request's free space check (the S3 store, which does not know its room, is in {@code S3BlobStoreTest}): a
 * file that fits is let through, one larger than the disk has free is refused with when to try again, and a granted
 * slot holds its size against the slots requested after it until its PUT ends or it expires.
 */
class StoreRoomTest {

    private static final Instant NOW = Instant.parse("2026-12-07T20:00:00Z");
    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final long MB = 1024 * 1024;

    @TempDir
    Path root;

    private final Disk disk = new Disk(100 * MB);
    private final StoreRoom room = new StoreRoom(disk);

    @Test
    void aFileThatFitsGetsItsSlot() throws IOException {
        StoreRoom onLocalDisk = new StoreRoom(new LocalBlobStore(root));

        assertThatCode(() -> onLocalDisk.reserve(slot("a", 0), NOW)).doesNotThrowAnyException();
        assertThatCode(() -> onLocalDisk.reserve(slot("b", 1), NOW)).doesNotThrowAnyException();
    }

    @Test
    void aFileLargerThanTheDiskHasFreeIsRefusedUntilLater() throws IOException {
        LocalBlobStore store = new LocalBlobStore(root);
        long free = store.usableSpace().orElseThrow();
        assertThat(free).as("what statfs says the disk has free for us")
                .isPositive().isLessThanOrEqualTo(Files.getFileStore(root).getTotalSpace());

        // Larger than the whole disk, so that other programs writing meanwhile cannot make it fit.
        long tooLarge = Files.getFileStore(root).getTotalSpace() + 1;
        assertRefusedAt(new StoreRoom(store), slot("a", tooLarge), NOW);
    }

    @Test
    void tenSlotsAskedForTogetherGetOnlyTheRoomThereIs() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(10);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                UploadSlot slot = slot("slot-" + i, 40 * MB);
                answers.add(threads.submit(granted(start, slot)));
            }
            start.countDown();

            int granted = 0;
            for (Future<Boolean> answer : answers) {
                granted += answer.get() ? 1 : 0;
            }
            assertThat(granted).as("40 MB slots on a disk with 100 MB free").isEqualTo(2);
        } finally {
            threads.shutdownNow();
        }
    }

    /** Whether the slot was granted once {@code start} opens; fails on anything but a full store's refusal. */
    private Callable<Boolean> granted(CountDownLatch start, UploadSlot slot) {
        return () -> {
            start.await();
            try {
                room.reserve(slot, NOW);
                return true;
            } catch (SlotRefusedException e) {
                assertThat(e.reason()).isEqualTo(SlotRefusedException.Reason.STORE_FULL);
                return false;
            }
        };
    }

    @Test
    void slotsThatFitAloneButNotTogetherAreGrantedOneAtATime() {
        room.reserve(slot("first", 60 * MB), NOW);

        assertRefusedAt(room, slot("second", 60 * MB), NOW);
        assertThatCode(() -> room.reserve(slot("third", 40 * MB), NOW)).as("what is left").doesNotThrowAnyException();
        assertRefusedAt(room, slot("fourth", 1), NOW);
    }

    @Test
    void aStoredFileIsCountedByTheDiskNotTwice() {
        room.reserve(slot("first", 60 * MB), NOW);
        disk.free = 40 * MB; // the first PUT's file landed
        room.release("first");

        assertThatCode(() -> room.reserve(slot("second", 40 * MB), NOW)).doesNotThrowAnyException();
        assertRefusedAt(room, slot("third", 1), NOW);
    }

    @Test
    void aRefusedPutGivesItsRoomBack() {
        room.reserve(slot("first", 60 * MB), NOW);
        room.release("first"); // refused: nothing stored, the disk as it was

        assertThatCode(() -> room.reserve(slot("second", 100 * MB), NOW)).doesNotThrowAnyException();
    }

    @Test
    void releasingASlotHeldNowhereChangesNothing() {
        room.reserve(slot("first", 60 * MB), NOW);
        room.release("granted-on-another-node");
        room.writing("granted-on-another-node", () -> 60 * MB);

        assertRefusedAt(room, slot("second", 60 * MB), NOW);
    }

    @Test
    void anExpiredSlotHoldsNothing() {
        room.reserve(slot("abandoned", 60 * MB), NOW);
        Instant justBefore = NOW.plus(LIFETIME).minusMillis(1);
        assertRefusedAt(room, slot("second", 60 * MB), justBefore);

        Instant expiry = NOW.plus(LIFETIME);
        assertThatCode(() -> room.reserve(slot("third", 100 * MB), expiry)).doesNotThrowAnyException();
    }

    @Test
    void aPutUnderWayHoldsOnlyWhatItHasNotWrittenYet() {
        room.reserve(slot("first", 60 * MB), NOW);
        disk.free = 50 * MB; // 50 MB of the first PUT's temporary file are on the disk
        room.writing("first", () -> 50 * MB);

        assertThatCode(() -> room.reserve(slot("second", 40 * MB), NOW)).as("50 MB free less the 10 MB still to come")
                .doesNotThrowAnyException();
        assertRefusedAt(room, slot("third", 1), NOW);
    }

    @Test
    void aStoreThatCannotTellItsRoomReservesNothing() {
        disk.free = -1;

        for (int i = 0; i < 3; i++) {
            String id = "slot-" + i;
            assertThatCode(() -> room.reserve(slot(id, Long.MAX_VALUE), NOW)).doesNotThrowAnyException();
        }
        disk.free = 100 * MB;
        assertThatCode(() -> room.reserve(slot("local", 100 * MB), NOW)).doesNotThrowAnyException();
    }

    private static void assertRefusedAt(StoreRoom room, UploadSlot slot, Instant at) {
        SlotRefusedException refused = catchThrowableOfType(() -> room.reserve(slot, at),
                SlotRefusedException.class);

        assertThat(refused).as("the slot for %d bytes is refused", slot.size()).isNotNull();
        assertThat(refused.reason()).isEqualTo(SlotRefusedException.Reason.STORE_FULL);
        assertThat(refused.getMessage()).isEqualTo("The server has no room for this file now; try again later.");
        assertThat(refused.retryAt()).isEqualTo(at.plusSeconds(60));
    }

    private static UploadSlot slot(String slotId, long size) {
        return new UploadSlot(slotId, "file-" + slotId, "alice@example.org", "a.bin", size,
                "application/octet-stream", NOW, NOW.plus(LIFETIME));
    }

    /** A store whose free space the test sets (negative: it cannot tell, as S3); it holds nothing. */
    private static final class Disk implements BlobStore {

        volatile long free;

        Disk(long free) {
            this.free = free;
        }

        @Override
        public OptionalLong usableSpace() {
            return free < 0 ? OptionalLong.empty() : OptionalLong.of(free);
        }

        @Override
        public void put(String key, InputStream content, long length, String contentType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Long> size(String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public InputStream get(String key, long offset, long length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void list(String prefix, Consumer<String> sink) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }
}
