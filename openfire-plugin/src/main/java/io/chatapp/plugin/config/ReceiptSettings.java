package io.chatapp.plugin.config;

/**
 * Receipt and read-marker settings (see {@link Settings} for the properties).
 *
 * @param journalDirectory where the write-ahead journal of accepted receipts lives; empty: no journal
 * @param journalMode      {@code fsync}, {@code write} or {@code off} (see {@link Settings#RECEIPTS_JOURNAL_MODE})
 */
public record ReceiptSettings(String journalDirectory, String journalMode) {

    public ReceiptSettings {
        if (!ArchiveSettings.JOURNAL_MODES.contains(journalMode)) {
            throw new InvalidSettingException(Settings.RECEIPTS_JOURNAL_MODE.name(), journalMode,
                    "must be fsync, write or off");
        }
    }

    static ReceiptSettings read(SettingsSource source) {
        return new ReceiptSettings(Settings.RECEIPTS_JOURNAL_DIRECTORY.read(source).trim(),
                Settings.RECEIPTS_JOURNAL_MODE.read(source).trim());
    }

    /** Whether accepted receipts are recorded in a journal before they are acknowledged. */
    public boolean journaled() {
        return !journalMode.equals("off") && !journalDirectory.isBlank();
    }
}
