package io.chatapp.plugin.config;

import java.time.Duration;

/**
 * Message archive settings (see {@link Settings} for the properties).
 *
 * @param queueCapacity     messages accepted but not yet committed; when full, new messages are refused
 * @param batchSize         most messages written in one transaction
 * @param queryThreads      threads running archive queries
 * @param maxPageSize       largest page a MAM query returns
 * @param retractionWindow  how long after sending a message its sender may retract it
 */
public record ArchiveSettings(int queueCapacity, int batchSize, int queryThreads, int maxPageSize,
                              Duration retractionWindow) {

    public ArchiveSettings {
        if (queueCapacity < 1 || batchSize < 1 || queryThreads < 1 || maxPageSize < 1) {
            throw new IllegalArgumentException("archive sizes must be positive");
        }
        if (retractionWindow.isNegative()) {
            throw new IllegalArgumentException("retraction window must not be negative");
        }
    }

    /** The defaults of the properties. */
    public static ArchiveSettings defaults() {
        return new ArchiveSettings(Settings.ARCHIVE_QUEUE_CAPACITY.defaultValue(),
                Settings.ARCHIVE_BATCH_SIZE.defaultValue(), Settings.ARCHIVE_QUERY_THREADS.defaultValue(),
                Settings.ARCHIVE_MAX_PAGE_SIZE.defaultValue(),
                Duration.ofHours(Settings.RETRACTION_WINDOW_HOURS.defaultValue()));
    }
}
