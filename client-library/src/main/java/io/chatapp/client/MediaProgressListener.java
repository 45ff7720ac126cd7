package io.chatapp.client;

/**
 * Hears how far an upload or download has got. Called on the transfer's own thread, at the start, after each chunk
 * and at the end: keep it quick (a progress bar redraw, not I/O that may block).
 */
@FunctionalInterface
public interface MediaProgressListener {

    /** A listener that ignores progress. */
    MediaProgressListener NONE = (transferred, total) -> { };

    /**
     * @param transferred bytes sent or received so far
     * @param total       the whole size, or -1 when the server did not say
     */
    void onProgress(long transferred, long total);
}
