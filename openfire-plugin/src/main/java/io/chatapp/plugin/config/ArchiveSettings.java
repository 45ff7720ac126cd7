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
 * @param journalDirectory  where the write-ahead journal of accepted messages lives; empty: no journal
 * @param journalMode       {@code fsync}, {@code write} or {@code off} (see {@link Settings#ARCHIVE_JOURNAL_MODE})
 */
public record ArchiveSettings(int queueCapacity, int batchSize, int queryThreads, int maxPageSize,
                              Duration retractionWindow, String journalDirectory, String journalMode) {

    /** The journal's modes, as the property spells them. */
    public static final java.util.List<String> JOURNAL_MODES = java.util.List.of("fsync", "write", "off");

    /** Settings without a journal (tests of the archive's database side). */
    public ArchiveSettings(int queueCapacity, int batchSize, int queryThreads, int maxPageSize,
                           Duration retractionWindow) {
        this(queueCapacity, batchSize, queryThreads, maxPageSize, retractionWindow, "", "off");
    }

    public ArchiveSettings {
        if (!JOURNAL_MODES.contains(journalMode)) {
            throw new InvalidSettingException(Settings.ARCHIVE_JOURNAL_MODE.name(), journalMode,
                    "must be fsync, write or off");
        }
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
                Duration.ofHours(Settings.RETRACTION_WINDOW_HOURS.defaultValue()),
                Settings.ARCHIVE_JOURNAL_DIRECTORY.defaultValue(), Settings.ARCHIVE_JOURNAL_MODE.defaultValue());
    }

    /** Whether accepted messages are recorded in a journal before they are acknowledged. */
    public boolean journaled() {
        return !journalMode.equals("off") && !journalDirectory.isBlank();
    }
}
