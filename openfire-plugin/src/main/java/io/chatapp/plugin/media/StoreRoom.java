package io.chatapp.plugin.media;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the media store has room for a file now, asked when its upload slot is requested: a full local disk refuses
 * the slot, rather than granting one whose PUT could only be refused 507. Each granted slot reserves its size until
 * its PUT ends or it expires, so slot requests made at the same time are checked against each other too: ten 40 MB
 * slots are not all granted on a disk with 100 MB free. The PUT's 507 stays, since the space may still go between the
 * slot and the PUT (other programs). No headroom is kept: the file's own bytes are what must fit (its temporary file
 * is moved into place, not copied).
 * <p>
 * The reservations are this node's, in memory: the free space they are held against is read from the disk this node
 * writes to, and a slot is reserved where it is granted, so nothing needs to outlive the process (a restart forgets
 * slots whose PUTs would be checked at the disk anyway). When several nodes share one file system, each holds only
 * its own slots; another node's open slots meet the PUT's 507 instead.
 */
final class StoreRoom {

    /** What a refusal for a full or failing store asks the client to wait: the slot's retry stamp, the PUT's header. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(StoreRoom.class);

    /** A granted slot's claim on the free space: its size less what its PUT has written so far. */
    private static final class Reservation {

        private final long size;
        private final Instant expiresAt;
        /** The bytes of the PUT on the disk already, in its temporary file: counted by the free space itself. */
        private volatile LongSupplier written = () -> 0;

        Reservation(long size, Instant expiresAt) {
            this.size = size;
            this.expiresAt = expiresAt;
        }

        long outstanding() {
            return size - Math.min(size, Math.max(0, written.getAsLong()));
        }
    }

    private final BlobStore store;
    /** By slot id: only slots that are neither stored nor expired (each request removes the expired ones). */
    private final Map<String, Reservation> open = new HashMap<>();

    StoreRoom(BlobStore store) {
        this.store = store;
    }

    /**
     * Reserves room for the slot's file, or refuses the slot ({@link SlotRefusedException.Reason#STORE_FULL}, with
     * when to try again) when the free space less the other open slots' is smaller; a store that cannot tell (S3) is
     * not second-guessed and nothing is reserved. One statfs call, under the lock so that a PUT ending meanwhile is
     * counted once: blocking only as far as the disk is, so it runs off the packet threads with the rest of the
     * slot's work.
     */
    synchronized void reserve(UploadSlot slot, Instant now) {
        open.values().removeIf(reservation -> !reservation.expiresAt.isAfter(now));
        // Summed before the free space is read: a PUT writing meanwhile is then counted twice, never not at all.
        long reserved = open.values().stream().mapToLong(Reservation::outstanding).sum();
        OptionalLong usable;
        try {
            usable = store.usableSpace();
        } catch (IOException e) {
            // A store that cannot even say what it has free will fail the PUT, which answers 503 with the reason.
            LOG.warn("Could not read the media store's free space: {}", e.getMessage());
            return;
        }
        if (usable.isEmpty()) {
            return;
        }
        if (slot.size() > usable.getAsLong() - reserved) {
            LOG.warn("The media store has {} bytes free, {} of them held for {} open slots: a slot for {} bytes was"
                    + " refused", usable.getAsLong(), reserved, open.size(), slot.size());
            throw new SlotRefusedException(SlotRefusedException.Reason.STORE_FULL,
                    "The server has no room for this file now; try again later.", now.plus(RETRY_AFTER));
        }
        open.put(slot.slotId(), new Reservation(slot.size(), slot.expiresAt()));
    }

    /**
     * The slot's PUT is writing its file, which takes the free space as {@code written} bytes land: that much of the
     * reservation is no longer needed. Nothing happens for a slot this node holds nothing for.
     */
    synchronized void writing(String slotId, LongSupplier written) {
        Reservation reservation = open.get(slotId);
        if (reservation != null) {
            reservation.written = written;
        }
    }

    /**
     * Ends the slot's reservation: its PUT stored the file (now counted by the free space) or was refused after
     * claiming it, or the slot was not granted after all. A refused PUT may be tried again on the same slot; that
     * try is checked at the disk alone.
     */
    synchronized void release(String slotId) {
        open.remove(slotId);
    }
}
