package io.chatapp.client.internal;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads an archive forward from a known archive id, page by page: how every catch-up (one-to-one in
 * {@link Resync}, groups in {@link GroupPipeline}) fetches what this client missed.
 */
public final class ArchivePaging {

    /** The archive's page after an archive id. Blocks; failures end the paging. */
    @FunctionalInterface
    public interface Pages<T> {
        ArchivePage<T> after(String archiveId, int max) throws Exception;
    }

    private ArchivePaging() {
    }

    /**
     * Hands every result after {@code archiveId} to {@code sink}, oldest first, until the archive says it is
     * complete (or returns an empty or unlabelled page). A failure ends the paging where it happened; what was
     * handed on stays handed on.
     */
    public static <T> void forward(Pages<T> pages, String archiveId, int pageSize, Consumer<T> sink) throws Exception {
        String after = Objects.requireNonNull(archiveId, "archiveId");
        while (true) {
            ArchivePage<T> page = pages.after(after, pageSize);
            page.messages().forEach(sink);
            if (page.complete() || page.lastArchiveId() == null || page.messages().isEmpty()) {
                return;
            }
            after = page.lastArchiveId();
        }
    }
}
