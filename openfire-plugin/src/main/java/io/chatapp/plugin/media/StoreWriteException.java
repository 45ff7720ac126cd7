package io.chatapp.plugin.media;

import java.io.IOException;

/**
 * The media store could not write (its disk is full or failing), as opposed to an upload whose body failed: the
 * server's fault, answered 507 (no space) or 503, with nothing half-written left behind.
 */
public final class StoreWriteException extends IOException {

    private static final long serialVersionUID = 1L;

    StoreWriteException(IOException cause) {
        super(cause.getMessage(), cause);
    }

    /** Whether the file system said it is out of space (ENOSPC) or over a quota (EDQUOT). */
    public boolean outOfSpace() {
        String message = String.valueOf(getMessage());
        return message.contains("No space left on device") || message.contains("Disk quota exceeded");
    }
}
