package io.chatapp.cli;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Smack and JLine log through java.util.logging to standard error. chatapp's output is its own lines only, so
 * their logs are off, and with --verbose only their warnings show (Smack's INFO level includes stack traces of
 * expected events, such as a server that does not answer the closing of the stream).
 */
final class JavaLogging {

    /** Held so that the configured level is not lost if the logger were collected. */
    private static final Logger ROOT = Logger.getLogger("");

    private JavaLogging() {
    }

    static void configure(boolean verbose) {
        Level level = verbose ? Level.WARNING : Level.OFF;
        ROOT.setLevel(level);
        for (Handler handler : ROOT.getHandlers()) {
            handler.setLevel(level);
        }
    }
}
