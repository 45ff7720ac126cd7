package io.chatapp.cli;

import io.chatapp.client.MediaProgressListener;
import java.io.PrintWriter;

/**
 * A transfer's progress bar: redrawn in place on one terminal line while the transfer runs (only when the shown
 * percentage changes, so a fast transfer does not flood the terminal), then cleared.
 */
final class TransferProgress implements MediaProgressListener {

    /** Where the bar is drawn. */
    interface Display {
        /** Nowhere: for scripts and tests that do not look. */
        Display NONE = new Display() {
            @Override
            public void show(String line) {
            }

            @Override
            public void clear() {
            }
        };

        /** Replaces the bar with {@code line}. */
        void show(String line);

        /** Removes the bar. */
        void clear();

        /** A bar on a terminal: carriage return, the line, and "erase to end of line". */
        static Terminal terminal(PrintWriter writer) {
            return new Terminal(writer);
        }
    }

    /**
     * The bar on a terminal line. Other output (a message arriving during an upload) goes through {@link #around},
     * which takes the bar away, prints, and draws it again below.
     */
    static final class Terminal implements Display {
        private final PrintWriter writer;
        private String shown;

        Terminal(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public synchronized void show(String line) {
            shown = line;
            draw(line);
        }

        @Override
        public synchronized void clear() {
            if (shown != null) {
                shown = null;
                draw("");
            }
        }

        /** Runs {@code print} with the bar out of the way. */
        synchronized void around(Runnable print) {
            String bar = shown;
            if (bar != null) {
                draw("");
            }
            print.run();
            if (bar != null) {
                draw(bar);
            }
        }

        private void draw(String line) {
            writer.print("\r" + line + "\u001B[K");
            writer.flush();
        }
    }

    private static final long UNKNOWN_TOTAL_STEP = 256 * 1024;

    private final String label;
    private final Display display;
    private long lastShown = -1;

    TransferProgress(String label, Display display) {
        this.label = label;
        this.display = display;
    }

    @Override
    public synchronized void onProgress(long transferred, long total) {
        long step = total > 0 ? transferred * 100 / total : transferred / UNKNOWN_TOTAL_STEP;
        if (step != lastShown) {
            lastShown = step;
            display.show(MediaLines.progress(label, transferred, total));
        }
    }

    /** The transfer is over: the bar goes. */
    synchronized void finish() {
        if (lastShown >= 0) {
            display.clear();
        }
    }
}
