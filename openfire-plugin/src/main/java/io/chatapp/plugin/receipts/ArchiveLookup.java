package io.chatapp.plugin.receipts;

import io.chatapp.plugin.archive.MessageArchive.Reference;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * What receipts need of the message archive (package {@code archive}); the server adapts {@code MessageArchive} to it.
 * A reference is what a client names a message by: its {@code origin-id}, its {@code id} attribute or its archive id
 * (decimal).
 */
public interface ArchiveLookup {

    /**
     * The archive id of the message {@code sender} sent to {@code recipient} that {@code reference} names, or empty
     * when there is none. Sees every message offered to the archive before the call.
     */
    CompletableFuture<OptionalLong> resolve(String sender, String recipient, String reference);

    /**
     * The message {@code owner} sent or received that {@code reference} names (one the owner sent when the reference
     * names one in each direction), or empty when there is none.
     */
    CompletableFuture<Optional<ArchivedRef>> find(String owner, String reference);

    /**
     * {@link #resolve} for many references: each one's archive id, in the same order. Implementations should answer
     * in one round trip; this default asks one at a time.
     */
    default CompletableFuture<List<OptionalLong>> resolveAll(List<Reference> references) {
        List<CompletableFuture<OptionalLong>> each = references.stream()
                .map(r -> resolve(r.sender(), r.recipient(), r.reference())).toList();
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .thenApply(done -> each.stream().map(CompletableFuture::join).toList());
    }

    /** Completes once every message offered to the archive before the call is stored. */
    CompletableFuture<Void> flushed();

    /** An archived message as receipts see it: its archive id, parties, {@code id} attribute and receive time. */
    record ArchivedRef(long id, String sender, String recipient, String messageId, java.time.Instant sent) {
    }

    /** The archive as the receipts need it. */
    static ArchiveLookup of(io.chatapp.plugin.archive.MessageArchive archive) {
        return new ArchiveLookup() {
            @Override
            public CompletableFuture<OptionalLong> resolve(String sender, String recipient, String reference) {
                return archive.resolve(sender, recipient, reference);
            }

            @Override
            public CompletableFuture<Optional<ArchivedRef>> find(String owner, String reference) {
                return archive.find(owner, reference).thenApply(found -> found.map(message -> new ArchivedRef(
                        message.id(), message.sender(), message.recipient(), message.messageId(),
                        message.receivedAt())));
            }

            @Override
            public CompletableFuture<List<OptionalLong>> resolveAll(List<Reference> references) {
                return archive.resolveAll(references);
            }

            @Override
            public CompletableFuture<Void> flushed() {
                return archive.flushed();
            }
        };
    }
}
