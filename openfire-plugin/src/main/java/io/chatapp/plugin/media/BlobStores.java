package io.chatapp.plugin.media;

import io.chatapp.plugin.config.MediaSettings;
import java.io.IOException;
import java.nio.file.Path;

/** Opens the store {@code chatapp.media.store} names. */
public final class BlobStores {

    private BlobStores() {
    }

    /**
     * The configured store; an unknown or unavailable one is a start-up error, never a silent fallback.
     *
     * @param settings resolved settings (the local directory filled in)
     */
    public static BlobStore open(MediaSettings settings) throws IOException {
        return switch (settings.store()) {
            case "local" -> new LocalBlobStore(Path.of(settings.directory()));
            case "s3" -> S3BlobStore.open(settings.s3());
            default -> throw new IllegalStateException("Unknown media store '" + settings.store()
                    + "' (chatapp.media.store must be local or s3)");
        };
    }
}
