package io.chatapp.plugin.media;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the media store has room for a file now, asked when its upload slot is requested: a full local disk refuses
 * the slot, rather than granting one whose PUT could only be refused 507. The PUT's 507 stays, since the space may go
 * between the slot and the PUT (other uploads, other programs). No headroom is kept: the file's own bytes are what
 * must fit (its temporary file is moved into place, not copied).
 */
final class StoreRoom {

    /** What a refusal for a full or failing store asks the client to wait: the slot's retry stamp, the PUT's header. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(StoreRoom.class);

    private StoreRoom() {
    }

    /**
     * Refuses a slot for {@code size} bytes the store cannot take now ({@link SlotRefusedException.Reason#STORE_FULL},
     * with when to try again); a store that cannot tell (S3) is not second-guessed. One statfs call: blocking only as
     * far as the disk is, so it runs off the packet threads with the rest of the slot's work.
     */
    static void check(BlobStore store, long size, Instant now) {
        OptionalLong usable;
        try {
            usable = store.usableSpace();
        } catch (IOException e) {
            // A store that cannot even say what it has free will fail the PUT, which answers 503 with the reason.
            LOG.warn("Could not read the media store's free space: {}", e.getMessage());
            return;
        }
        if (usable.isPresent() && size > usable.getAsLong()) {
            LOG.warn("The media store has {} bytes free: a slot for {} bytes was refused", usable.getAsLong(), size);
            throw new SlotRefusedException(SlotRefusedException.Reason.STORE_FULL,
                    "The server has no room for this file now; try again later.", now.plus(RETRY_AFTER));
        }
    }
}
