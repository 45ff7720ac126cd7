package io.chatapp.plugin.media;

import io.chatapp.plugin.config.MediaSettings;
import io.chatapp.plugin.http.HttpProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Media sharing: upload slots (XEP-0363), validated streaming uploads, files and who may fetch them, and their
 * revocation. Database work asked for by the XMPP side runs on {@code background}, so a packet thread never waits.
 */
public final class MediaService {

    private static final Logger LOG = LoggerFactory.getLogger(MediaService.class);

    private final MediaRecords records;
    private final BlobStore store;
    private final MediaUrls urls;
    private final UploadRules rules;
    private final MediaSettings settings;
    private final Executor background;
    private final Clock clock;

    public MediaService(MediaRecords records, BlobStore store, MediaUrls urls, MediaSettings settings,
                        Executor background, Clock clock) {
        this.records = records;
        this.store = store;
        this.urls = urls;
        this.rules = new UploadRules(settings.limits());
        this.settings = settings;
        this.background = background;
        this.clock = clock;
    }

    /** What the upload service advertises as max-file-size. */
    public long maxFileSize() {
        return rules.largestLimit();
    }

    public MediaUrls urls() {
        return urls;
    }

    /** An upload slot's URLs: PUT (with the headers the client must send) and GET. */
    public record SlotGrant(String putUrl, Map<String, String> putHeaders, String getUrl) {
    }

    /**
     * Hands out a slot. Fails at once (in the future) with {@link SlotRefusedException} for a request that breaks a
     * rule; the quota check and the record are made in the background.
     */
    public CompletableFuture<SlotGrant> requestSlot(String owner, String fileName, long size, String contentType) {
        String type = UploadRules.normalize(contentType);
        if (fileName == null || fileName.isBlank() || size < 0 || type == null) {
            return CompletableFuture.failedFuture(new SlotRefusedException(SlotRefusedException.Reason.BAD_REQUEST,
                    "a slot request needs a file name, a size of zero or more bytes and a valid content type"));
        }
        if (UploadRules.disallowed(type)) {
            return CompletableFuture.failedFuture(new SlotRefusedException(
                    SlotRefusedException.Reason.DISALLOWED_TYPE, "files of type " + type + " are not accepted"));
        }
        long limit = rules.limitFor(type);
        if (size > limit) {
            return CompletableFuture.failedFuture(new SlotRefusedException(SlotRefusedException.Reason.TOO_LARGE,
                    "the file is larger than the " + limit + " bytes allowed for " + type, limit));
        }
        Instant now = clock.instant();
        UploadSlot slot = new UploadSlot(MediaIds.random(), MediaIds.random(), owner,
                UploadRules.safeFileName(fileName), size, type, now, now.plus(settings.slotLifetime()));
        return CompletableFuture.supplyAsync(() -> {
            try {
                if (records.createSlot(slot, settings.userQuotaBytes()).isPresent()) {
                    throw new SlotRefusedException(SlotRefusedException.Reason.QUOTA, "the file would take you over"
                            + " your storage quota of " + settings.userQuotaBytes() + " bytes");
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not record the upload slot: " + e.getMessage(), e);
            }
            // XEP-0363 §5 allows only Authorization, Cookie and Expires here; the type is bound by the signature.
            return new SlotGrant(urls.put(slot), Map.of(),
                    urls.download(slot.fileId(), slot.fileName()).url());
        }, background);
    }

    /**
     * Stores the body of a PUT to a slot: checks the signature, the slot (single use, not expired), the declared
     * type and size, sniffs the content, streams it to the store while hashing and counting, makes a thumbnail for
     * images and records the file. Nothing is kept when any step fails.
     *
     * @param contentLength the request's Content-Length, or -1 when it is sent in chunks
     */
    public MediaFile upload(String slotId, Map<String, String> query, String contentType, long contentLength,
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
        String key = BlobKeys.file(slot.fileId());
        try {
            store.put(key, content, slot.size(), type);
        } catch (UploadStream.TooLongException e) {
            throw new HttpProblem(413, "too_large", e.getMessage() + "; nothing was stored.");
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
            deleteBlobs(slot.fileId());
            throw new HttpProblem(413, "too_large", e.getMessage() + "; nothing was stored.");
        } catch (IOException | SQLException | RuntimeException e) {
            deleteBlobs(slot.fileId());
            throw e;
        }
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

    /** The 201 body of a successful upload (the media contract). */
    public Map<String, Object> uploaded(MediaFile file) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", urls.download(file.fileId(), file.fileName()).url());
        body.put("size", file.size());
        body.put("mediaType", file.mediaType());
        body.put("sha256", file.sha256());
        if (file.width() != null) {
            body.put("width", file.width());
            body.put("height", file.height());
        }
        if (file.thumbnail() != null) {
            Map<String, Object> thumbnail = new LinkedHashMap<>();
            thumbnail.put("url", urls.thumbnail(file.fileId()).url());
            thumbnail.put("mediaType", "image/jpeg");
            thumbnail.put("width", file.thumbnail().width());
            thumbnail.put("height", file.thumbnail().height());
            body.put("thumbnail", thumbnail);
        }
        return body;
    }

    /** A file that may be served, or empty for an unknown, deleted or revoked one. */
    public Optional<MediaFile> servable(String fileId) throws SQLException {
        if (!MediaIds.valid(fileId)) {
            return Optional.empty();
        }
        return records.file(fileId).filter(file -> !file.deleted());
    }

    BlobStore store() {
        return store;
    }

    /** A freshly signed download URL for the uploader or a participant of a conversation that shared the file. */
    public MediaUrls.SignedUrl freshUrl(String fileId, String user) throws HttpProblem, SQLException {
        MediaFile file = servable(fileId).orElseThrow(MediaService::noSuchFile);
        if (!file.owner().equals(user) && !records.sharedWith(fileId, user)) {
            throw new HttpProblem(403, "forbidden", "Only the uploader and the people it was shared with may"
                    + " fetch this file.");
        }
        return urls.download(file.fileId(), file.fileName());
    }

    /** Deletes a file for its uploader: its URLs stop working at once; the bytes go now or at the next clean-up. */
    public void delete(String fileId, String user) throws HttpProblem, SQLException {
        MediaFile file = servable(fileId).orElseThrow(MediaService::noSuchFile);
        if (!file.owner().equals(user)) {
            throw new HttpProblem(403, "forbidden", "Only the uploader may delete this file.");
        }
        records.markDeleted(fileId, clock.instant());
        deleteBlobs(fileId);
    }

    private static HttpProblem noSuchFile() {
        return new HttpProblem(404, "not_found", "No such file (or it was deleted).");
    }

    /**
     * Notes, in the background, that an archived message shared the files its body or OOB URL names (they must be
     * this server's download URLs). Returns at once: called on a packet thread.
     */
    public void noteShared(Iterable<String> texts, long archiveId, String sender, String recipient) {
        Set<String> fileIds = new LinkedHashSet<>();
        for (String text : texts) {
            urls.fileIdIn(text == null ? null : text.strip()).ifPresent(fileIds::add);
        }
        if (fileIds.isEmpty()) {
            return;
        }
        runInBackground("record a media share", () -> {
            for (String fileId : fileIds) {
                records.recordShare(fileId, archiveId, sender, recipient);
            }
        });
    }

    /**
     * Revokes, in the background, the files a retracted message shared, where its sender uploaded them (a user
     * cannot revoke someone else's file by sharing and retracting its URL).
     */
    public void revokeRetracted(String sender, String stanzaXml) {
        Set<String> fileIds = new LinkedHashSet<>();
        String prefix = urls.filesPrefix();
        for (int at = stanzaXml == null ? -1 : stanzaXml.indexOf(prefix); at >= 0;
             at = stanzaXml.indexOf(prefix, at + 1)) {
            urls.fileIdIn(stanzaXml.substring(at, Math.min(stanzaXml.length(), at + prefix.length() + 40)))
                    .ifPresent(fileIds::add);
        }
        if (fileIds.isEmpty()) {
            return;
        }
        runInBackground("revoke a retracted file", () -> {
            for (String fileId : fileIds) {
                Optional<MediaFile> file = records.file(fileId);
                if (file.isPresent() && file.get().owner().equals(sender)
                        && records.markDeleted(fileId, clock.instant())) {
                    deleteBlobs(fileId);
                }
            }
        });
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private void runInBackground(String what, Work work) {
        try {
            background.execute(() -> {
                try {
                    work.run();
                } catch (Exception e) {
                    LOG.warn("Could not {}: {}", what, e.getMessage());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.warn("Could not {}: the media queue is full", what);
        }
    }

    private void deleteBlobs(String fileId) {
        for (String key : new String[] {BlobKeys.file(fileId), BlobKeys.thumbnail(fileId)}) {
            try {
                store.delete(key);
            } catch (IOException | RuntimeException e) {
                // The clean-up job finds it again: a deleted file, or an orphan.
                LOG.warn("Could not delete media blob {}: {}", key, e.getMessage());
            }
        }
    }
}
