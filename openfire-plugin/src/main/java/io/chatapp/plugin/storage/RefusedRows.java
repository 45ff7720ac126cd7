package io.chatapp.plugin.storage;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * Writes rows a previous process left (a journal's recovery at start) so that a row the database refuses for what it
 * is ({@link DatabaseFailures#isRefusedData}) is skipped, not thrown: such a row would fail every start, and the plugin
 * would never come up again. The live writers skip such rows the same way ({@link BatchWriter}).
 */
public final class RefusedRows {

    /** Writes some rows in one transaction, or none of them. */
    @FunctionalInterface
    public interface Write<T, E extends Exception> {
        void write(List<T> rows) throws E;
    }

    private RefusedRows() {
    }

    /**
     * Writes {@code rows} through {@code write}; when the database refuses them for their data, writes them one at a
     * time and hands each one it refuses to {@code skipped} (to log it). Any other failure is thrown.
     */
    public static <T, E extends Exception> void writeSkippingRefused(List<T> rows, Write<T, E> write,
                                                                     BiConsumer<T, Exception> skipped) throws E {
        try {
            write.write(rows);
            return;
        } catch (Exception e) {
            if (!DatabaseFailures.isRefusedData(e)) {
                throw e;
            }
        }
        for (T row : rows) {
            try {
                write.write(List.of(row));
            } catch (Exception e) {
                if (!DatabaseFailures.isRefusedData(e)) {
                    throw e;
                }
                skipped.accept(row, e);
            }
        }
    }
}
