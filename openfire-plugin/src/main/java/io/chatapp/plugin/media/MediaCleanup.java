package io.chatapp.plugin.media;

import io.chatapp.plugin.storage.AdvisoryLocks;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The periodic clean-up of the media store: leftovers of slots that expired unused, the bytes of deleted and
 * revoked files, and orphans (blobs no file or open slot names, e.g. after a crash between storing and recording).
 * When several nodes share the database, one runs it at a time: it holds a PostgreSQL advisory lock while it works
 * and the others skip their turn.
 */
public final class MediaCleanup {

    private static final int BATCH = 500;
    /** An expired slot is kept this long at least, so an upload that claimed it just before expiry can finish. */
    private static final Duration SLOT_GRACE = Duration.ofHours(1);

    private final DataSource dataSource;
    private final MediaRecords records;
    private final BlobStore store;
    private final Duration slotLifetime;
    private final Clock clock;

    public MediaCleanup(DataSource dataSource, MediaRecords records, BlobStore store, Duration slotLifetime,
                        Clock clock) {
        this.dataSource = dataSource;
        this.records = records;
        this.store = store;
        this.slotLifetime = slotLifetime;
        this.clock = clock;
    }

    /** What one run removed. */
    public record Report(int expiredSlots, int deletedFiles, int orphans) {
    }

    /** Runs once unless another node is running it right now (then reports nothing done). */
    public Report run() throws Exception {
        return AdvisoryLocks.runAlone(dataSource, "chatapp-media-cleanup",
                () -> new Report(expiredSlots(), deletedFiles(), orphans())).orElse(new Report(0, 0, 0));
    }

    private int expiredSlots() throws SQLException {
        Duration grace = slotLifetime.compareTo(SLOT_GRACE) > 0 ? slotLifetime : SLOT_GRACE;
        List<String> fileIds = records.removeExpiredSlots(clock.instant().minus(grace));
        fileIds.forEach(fileId -> BlobKeys.deleteAll(store, fileId));
        return fileIds.size();
    }

    private int deletedFiles() throws SQLException {
        int removed = 0;
        List<String> batch;
        do {
            batch = records.deletedFiles(BATCH);
            for (String fileId : batch) {
                if (BlobKeys.deleteAll(store, fileId)) {
                    records.forget(fileId);
                    removed++;
                }
            }
        } while (batch.size() == BATCH && removed > 0);
        return removed;
    }

    private int orphans() throws SQLException, IOException {
        List<String> keys = new ArrayList<>();
        store.list(BlobKeys.FILES, keys::add);
        store.list(BlobKeys.THUMBNAILS, keys::add);
        int removed = 0;
        for (String key : keys) {
            String fileId = key.substring(key.indexOf('/') + 1);
            if (!MediaIds.valid(fileId) || !records.known(fileId)) {
                store.delete(key);
                removed++;
            }
        }
        return removed;
    }
}
