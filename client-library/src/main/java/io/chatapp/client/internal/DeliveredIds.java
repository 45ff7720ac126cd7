package io.chatapp.client.internal;

/**
 * The archive ids of the messages already delivered to the app, so that each is delivered once however it
 * arrives (live, from offline storage, as a carbon, from the archive at catch-up). Remembers the newest ids up to
 * a capacity. Not thread-safe: each pipeline uses it under its own lock.
 */
public final class DeliveredIds {

    private final BoundedSet<String> ids;

    public DeliveredIds(int remembered) {
        this.ids = new BoundedSet<>(remembered);
    }

    /**
     * Records a delivery; true the first time an archive id is seen. A message without an archive id (the server
     * gave none) cannot be recognised again, so it is always a first delivery.
     */
    public boolean first(String archiveId) {
        return archiveId == null || ids.add(archiveId);
    }
}
