package io.chatapp.plugin.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The slot request's free space check on a local store (the S3 store, which does not know its room, is in
 * {@code S3BlobStoreTest}): a file that fits is let through, one larger than the disk has free is refused with when
 * to try again.
 */
class StoreRoomTest {

    private static final Instant NOW = Instant.parse("2026-12-07T20:00:00Z");

    @TempDir
    Path root;

    @Test
    void aFileThatFitsGetsItsSlot() throws IOException {
        LocalBlobStore store = new LocalBlobStore(root);

        assertThatCode(() -> StoreRoom.check(store, 0, NOW)).doesNotThrowAnyException();
        assertThatCode(() -> StoreRoom.check(store, 1, NOW)).doesNotThrowAnyException();
    }

    @Test
    void aFileLargerThanTheDiskHasFreeIsRefusedUntilLater() throws IOException {
        LocalBlobStore store = new LocalBlobStore(root);
        long free = store.usableSpace().orElseThrow();
        assertThat(free).as("what statfs says the disk has free for us")
                .isPositive().isLessThanOrEqualTo(Files.getFileStore(root).getTotalSpace());

        // Larger than the whole disk, so that other programs writing meanwhile cannot make it fit.
        long tooLarge = Files.getFileStore(root).getTotalSpace() + 1;
        SlotRefusedException refused = catchThrowableOfType(() -> StoreRoom.check(store, tooLarge, NOW),
                SlotRefusedException.class);

        assertThat(refused.reason()).isEqualTo(SlotRefusedException.Reason.STORE_FULL);
        assertThat(refused.getMessage()).isEqualTo("The server has no room for this file now; try again later.");
        assertThat(refused.retryAt()).isEqualTo(NOW.plusSeconds(60));
    }
}
