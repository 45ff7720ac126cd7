package io.chatapp.plugin.media;

import io.chatapp.plugin.http.HttpProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PUT of an upload slot (XEP-0363 §5), from the request's body to the recorded file: every check, the content
 * sniffed, the bytes streamed to the store while hashed and counted, a thumbnail for images. Nothing is kept when
 * any step fails.
 */
final class Uploads {

    private static final Logger LOG = LoggerFactory.getLogger(Uploads.class);

    private final MediaRecords records;
    private final BlobStore store;
    private final StoreRoom room;
    private final MediaUrls urls;
    private final Clock clock;

    Uploads(MediaRecords records, BlobStore store, StoreRoom room, MediaUrls urls, Clock clock) {
        this.records = records;
        this.store = store;
        this.room = room;
        this.urls = urls;
        this.clock = clock;
    }

    /**
     * Stores the body of a PUT to a slot: checks the signature, the slot (single use, not expired), the declared
     * type and size, sniffs the content, streams it to the store while hashing and counting, makes a thumbnail for
     * images and records the file. Nothing is kept when any step fails.
     *
     * @param contentLength the request's Content-Length, or -1 when it is sent in chunks
     */
    MediaFile upload(String slotId, Map<String, String> query, String contentType, long contentLength,
                            InputStream body) throws HttpProblem, IOException, SQLException {
        UploadSlot slot = (MediaIds.valid(slotId) ? records.slot(slotId) : Optional.<UploadSlot>empty())
                .orElseThrow(() -> new HttpProblem(404, "not_found", "No such upload slot."));
        if (!urls.putSigned(slot, query)) {
            throw new HttpProblem(403, "invalid_signature", "The upload URL's signature is not valid.");
        }
        Instant now = clock.instant();
        if (!slot.expiresAt().isAfter(now)) {
            throw new HttpProblem(403, "expired", "The upload URL has expired; ask for a new slot.");
        }
        if (!slot.contentType().equals(UploadRules.normalize(contentType))) {
            throw new HttpProblem(400, "content_type_mismatch", "The Content-Type must be " + slot.contentType()
                    + ", as requested for the slot.");
        }
        if (contentLength > slot.size()) {
            throw new HttpProblem(413, "too_large", "The body is longer than the " + slot.size()
                    + " bytes requested for the slot.");
        }
        if (contentLength >= 0 && contentLength < slot.size()) {
            throw new HttpProblem(400, "size_mismatch", "The body must be exactly " + slot.size() + " bytes.");
        }
        if (!records.claimSlot(slotId, now)) {
            throw new HttpProblem(403, "already_used", "This upload URL has already been used.");
        }
        try {
            return store(slot, body);
        } catch (HttpProblem | IOException | SQLException | RuntimeException e) {
            records.releaseSlot(slotId);
            throw e;
        } finally {
            // Stored, the file is counted by the free space; refused, it needs no room. Only a PUT that claimed the
            // slot ends its reservation, so a forged or mistaken PUT cannot free another's room.
            room.release(slotId);
        }
    }

    private MediaFile store(UploadSlot slot, InputStream body) throws HttpProblem, IOException, SQLException {
        byte[] head = body.readNBytes((int) Math.min(ContentSniffer.HEAD_BYTES, slot.size()));
        if (head.length < Math.min(ContentSniffer.HEAD_BYTES, slot.size())) {
            throw new HttpProblem(400, "incomplete_upload", "The body ended before the declared " + slot.size()
                    + " bytes.");
        }
        String sniffed = ContentSniffer.sniff(head, head.length);
        String type = UploadRules.agreedType(slot.contentType(), sniffed);
        if (type == null) {
            throw new HttpProblem(415, "unsupported_media_type", "The content is " + sniffed + ", which "
                    + (UploadRules.disallowed(sniffed) ? "is not accepted." : "is not " + slot.contentType() + "."));
        }
        UploadStream content = new UploadStream(new SequenceInputStream(new ByteArrayInputStream(head), body),
                slot.size());
        room.writing(slot.slotId(), content::count);
        String key = BlobKeys.file(slot.fileId());
        try {
            store.put(key, content, slot.size(), type);
        } catch (UploadStream.TooLongException e) {
            throw new HttpProblem(413, "too_large", e.getMessage() + "; nothing was stored.");
        } catch (StoreWriteException e) {
            throw storeFailed(e, key, slot.size());
        } catch (IOException e) {
            throw new HttpProblem(400, "incomplete_upload", "The upload did not complete (" + e.getMessage()
                    + "); nothing was stored.");
        }
        try {
            if (content.read() >= 0 || content.count() != slot.size()) {
                throw new UploadStream.TooLongException(slot.size());
            }
            MediaFile file = describe(slot, type, content.sha256Hex());
            records.insertFile(file);
            return file;
        } catch (UploadStream.TooLongException e) {
            BlobKeys.deleteAll(store, slot.fileId());
            throw new HttpProblem(413, "too_large", e.getMessage() + "; nothing was stored.");
        } catch (StoreWriteException e) {
            // The thumbnail did not fit: the disk's fault as much as for the file itself, not the client's 400.
            BlobKeys.deleteAll(store, slot.fileId());
            throw storeFailed(e, BlobKeys.thumbnail(slot.fileId()), slot.size());
        } catch (IOException | SQLException | RuntimeException e) {
            BlobKeys.deleteAll(store, slot.fileId());
            throw e;
        }
    }

    /** The answer when the store could not write {@code key}: 507 when it is out of space, else 503. */
    private static HttpProblem storeFailed(StoreWriteException e, String key, long uploadSize) {
        LOG.error("The media store could not write {} (for an upload of {} bytes): {}", key, uploadSize,
                e.getMessage());
        return e.outOfSpace()
                ? HttpProblem.retryLater(507, "insufficient_storage", StoreRoom.RETRY_AFTER.toSeconds(),
                        "The server has no room for this file now; nothing was stored. Try again later.")
                : HttpProblem.retryLater(503, "storage_unavailable", StoreRoom.RETRY_AFTER.toSeconds(),
                        "The server could not store this file now; nothing was stored. Try again later.");
    }

    /** The file's record, with its dimensions and thumbnail when it is an image ImageIO can read. */
    private MediaFile describe(UploadSlot slot, String type, String sha256) throws IOException {
        MediaFile.Dimensions dimensions = null;
        MediaFile.Dimensions thumbnail = null;
        if (UploadRules.kindOf(type) == UploadRules.Kind.IMAGE) {
            Optional<Thumbnails.Result> image;
            try (InputStream stored = store.get(BlobKeys.file(slot.fileId()), 0, slot.size())) {
                image = Thumbnails.of(stored);
            }
            if (image.isPresent()) {
                dimensions = image.get().dimensions();
                Thumbnails.Thumbnail made = image.get().thumbnail();
                if (made != null) {
                    store.put(BlobKeys.thumbnail(slot.fileId()), new ByteArrayInputStream(made.jpeg()),
                            made.jpeg().length, "image/jpeg");
                    thumbnail = made.dimensions();
                }
            }
        }
        return new MediaFile(slot.fileId(), slot.owner(), slot.fileName(), slot.size(), type, sha256,
                dimensions == null ? null : dimensions.width(), dimensions == null ? null : dimensions.height(),
                thumbnail, clock.instant(), null);
    }

}
