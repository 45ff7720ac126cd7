package io.chatapp.plugin.archive;

/** A query named an archive id ({@code after}/{@code before}) that is not in the user's archive (item-not-found). */
public final class UnknownArchiveIdException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long id;

    public UnknownArchiveIdException(long id) {
        super("No message " + ArchiveIds.format(id) + " in this archive");
        this.id = id;
    }

    public long id() {
        return id;
    }
}
