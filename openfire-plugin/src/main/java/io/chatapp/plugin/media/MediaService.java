package io.chatapp.plugin.media;

import io.chatapp.plugin.archive.ArchiveIds;
import io.chatapp.plugin.config.MediaSettings;
import io.chatapp.plugin.http.HttpProblem;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Media sharing: upload slots (XEP-0363), validated streaming uploads, files and who may fetch them, and their
 * revocation. Database work asked for by the XMPP side runs on {@code background}, so a packet thread never waits.
 */
public final class MediaService {

    private static final Logger LOG = LoggerFactory.getLogger(MediaService.class);
    /** How long a refused fresh-URL request waits for the shares of messages being archived before it is refused. */
    private static final Duration SHARES_NOTED_WAIT = Duration.ofSeconds(5);

    private final MediaRecords records;
    private final BlobStore store;
    private final MediaUrls urls;
    private final UploadRules rules;
    private final MediaSettings settings;
    private final Executor background;
    private final Clock clock;
    private final StoreRoom room;
    private final Uploads uploads;

    private final ShareAudience audience;
    private final List<FileGrants> grants = new CopyOnWriteArrayList<>();
    /**
     * Completes once the shares of every message archived so far are noted (the archive's flush: shares are noted
     * as each batch commits); none until the archive says so.
     */
    private volatile Supplier<CompletableFuture<Void>> sharesNoted = () -> CompletableFuture.completedFuture(null);

    public MediaService(MediaRecords records, BlobStore store, MediaUrls urls, MediaSettings settings,
                        Executor background, Clock clock) {
        this(records, store, urls, settings, background, clock, ShareAudience.NONE);
    }

    /** With {@code audience} saying who received files shared with a group (see {@link #freshUrl}). */
    public MediaService(MediaRecords records, BlobStore store, MediaUrls urls, MediaSettings settings,
                        Executor background, Clock clock, ShareAudience audience) {
        this.audience = audience;
        this.records = records;
        this.store = store;
        this.urls = urls;
        this.rules = new UploadRules(settings.limits());
        this.settings = settings;
        this.background = background;
        this.clock = clock;
        this.room = new StoreRoom(store);
        this.uploads = new Uploads(records, store, room, urls, clock);
    }

    /** Stores the body of a PUT to a slot; see {@link Uploads}. */
    public MediaFile upload(String slotId, Map<String, String> query, String contentType, long contentLength,
                            InputStream body) throws HttpProblem, IOException, SQLException {
        return uploads.upload(slotId, query, contentType, contentLength, body);
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
     * rule; the free space check and the slot's reservation of its size ({@link StoreRoom}), the quota check and the
     * record are made in the background.
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
            room.reserve(slot, clock.instant());
            try {
                record(slot);
            } catch (RuntimeException e) {
                room.release(slot.slotId());
                throw e;
            }
            // XEP-0363 §5 allows only Authorization, Cookie and Expires here; the type is bound by the signature.
            return new SlotGrant(urls.put(slot), Map.of(),
                    urls.download(slot.fileId(), slot.fileName()).url());
        }, background);
    }

    /** Records the slot within the owner's quota, or refuses it ({@link SlotRefusedException.Reason#QUOTA}). */
    private void record(UploadSlot slot) {
        try {
            if (records.createSlot(slot, settings.userQuotaBytes()).isPresent()) {
                throw new SlotRefusedException(SlotRefusedException.Reason.QUOTA, "the file would take you over"
                        + " your storage quota of " + settings.userQuotaBytes() + " bytes");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the upload slot: " + e.getMessage(), e);
        }
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

    /** A file that may be served, or empty for an unknown, deleted, revoked or expired one. */
    public Optional<MediaFile> servable(String fileId) throws SQLException {
        if (!MediaIds.valid(fileId)) {
            return Optional.empty();
        }
        return records.liveFile(fileId, clock.instant());
    }

    /**
     * The servable file a download URL of this server names, when {@code owner} uploaded it; empty for a URL that
     * is not one of ours, forged, or names someone else's file.
     */
    public Optional<MediaFile> ownFile(String url, String owner) throws SQLException {
        if (url == null) {
            return Optional.empty();
        }
        Optional<String> fileId = urls.signedFileIdIn(url.strip());
        if (fileId.isEmpty()) {
            return Optional.empty();
        }
        return servable(fileId.get()).filter(file -> file.owner().equals(owner));
    }

    /**
     * The play length the stored file's container states (MP4/MOV/3GP or Matroska/WebM), read a header at a time
     * from the store; empty when the container is another or is damaged. Blocking: off packet threads.
     */
    public Optional<Duration> playLength(MediaFile file) throws IOException {
        String key = BlobKeys.file(file.fileId());
        return VideoDuration.of((offset, length) -> {
            try (InputStream bytes = store.get(key, offset, length)) {
                return bytes.readNBytes(length);
            }
        }, file.size());
    }

    /**
     * Makes the owner's file unservable from {@code at} on (every URL refused, as for a deleted file), e.g. a status
     * story's file when the story expires; the bytes go when the owner's feature deletes the file.
     */
    public void expireAt(String fileId, String owner, Instant at) throws SQLException {
        records.expire(fileId, owner, at);
    }

    /** Deletes the owner's file now (URLs refused, bytes removed); false when it was already gone. */
    public boolean deleteOwned(String fileId, String owner) throws SQLException {
        Optional<MediaFile> file = records.file(fileId);
        if (file.isEmpty() || !file.get().owner().equals(owner)) {
            return false;
        }
        boolean marked = records.markDeleted(fileId, clock.instant());
        BlobKeys.deleteAll(store, fileId);
        return marked;
    }

    /** Lets another feature grant fresh URLs of the files it holds (see {@link FileGrants}). */
    public void grantVia(FileGrants feature) {
        grants.add(feature);
    }

    /** Undoes {@link #grantVia}, when that feature stops. */
    public void stopGrantingVia(FileGrants feature) {
        grants.remove(feature);
    }

    /** A freshly signed download URL for a file, without any check: for a feature that checked its own audience. */
    public MediaUrls.SignedUrl urlOf(MediaFile file) {
        return urls.download(file.fileId(), file.fileName());
    }

    BlobStore store() {
        return store;
    }

    /** A freshly signed download URL for the uploader or a participant of a conversation that shared the file. */
    public MediaUrls.SignedUrl freshUrl(String fileId, String user) throws HttpProblem, SQLException {
        MediaFile file = servable(fileId).orElseThrow(MediaService::noSuchFile);
        if (!entitled(file, user) && !(awaitSharesNoted() && entitled(file, user))) {
            throw new HttpProblem(403, "forbidden", "Only the uploader and the people it was shared with may"
                    + " fetch this file.");
        }
        return urls.download(file.fileId(), file.fileName());
    }

    /**
     * Where the shares of archived messages come from: {@code noted} completes once those of every message archived
     * so far are noted. A recipient may ask for a fresh URL as soon as the message arrives, before its batch commits.
     */
    public void sharesNotedBy(Supplier<CompletableFuture<Void>> noted) {
        this.sharesNoted = noted;
    }

    /** Waits (briefly, off the packet threads) for the shares in flight; false when they did not settle in time. */
    private boolean awaitSharesNoted() {
        try {
            sharesNoted.get().get(SHARES_NOTED_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /**
     * Whether the user uploaded the file, took part in a conversation or group that was given it, or another
     * feature holding the file grants it (see {@link FileGrants}).
     */
    private boolean entitled(MediaFile file, String user) throws SQLException {
        return file.owner().equals(user) || records.sharedWith(file.fileId(), user)
                || receivedInGroup(file.fileId(), user) || grantedElsewhere(file.fileId(), user);
    }

    private boolean grantedElsewhere(String fileId, String user) throws SQLException {
        for (FileGrants feature : grants) {
            try {
                if (feature.grants(fileId, user)) {
                    return true;
                }
            } catch (SQLException e) {
                throw e;
            } catch (Exception e) {
                throw new SQLException("Could not ask whether the file is granted: " + e.getMessage(), e);
            }
        }
        return false;
    }

    /** Whether the file was shared with a group while the user was in it (the share's time is its archive id's). */
    private boolean receivedInGroup(String fileId, String user) throws SQLException {
        for (MediaRecords.Share share : records.shares(fileId)) {
            if (audience.includes(share.recipient(), user, ArchiveIds.timeOf(share.archiveId()))) {
                return true;
            }
        }
        return false;
    }

    /** Deletes a file for its uploader: its URLs stop working at once; the bytes go now or at the next clean-up. */
    public void delete(String fileId, String user) throws HttpProblem, SQLException {
        MediaFile file = servable(fileId).orElseThrow(MediaService::noSuchFile);
        if (!file.owner().equals(user)) {
            throw new HttpProblem(403, "forbidden", "Only the uploader may delete this file.");
        }
        records.markDeleted(fileId, clock.instant());
        BlobKeys.deleteAll(store, fileId);
    }

    private static HttpProblem noSuchFile() {
        return new HttpProblem(404, "not_found", "No such file (or it was deleted).");
    }

    /**
     * True when the stanza may name one of this server's files (it holds the download URLs' prefix): only those are
     * worth parsing for {@link #noteShared}.
     */
    public boolean mayNameAFile(String stanzaXml) {
        return stanzaXml != null && stanzaXml.contains(urls.filesPrefix());
    }

    /**
     * Notes that an archived message shared the files its body or OOB URL names. A share is a grant (the recipient may
     * then ask for fresh URLs), so it is noted only for a download URL of this server whose signature verifies, sent by
     * someone entitled to the file: the uploader, or someone it was shared with (a forward). A URL merely mentioned,
     * forged or expired grants nothing. Called on the archive's writer thread once the message is committed (and for
     * the messages its journal gave back at start), so a share is as safe from a killed process as its message.
     */
    public void noteShared(Iterable<String> texts, long archiveId, String sender, String recipient)
            throws SQLException {
        Set<String> fileIds = new LinkedHashSet<>();
        for (String text : texts) {
            if (text != null) {
                urls.signedFileIdIn(text.strip()).ifPresent(fileIds::add);
            }
        }
        for (String fileId : fileIds) {
            Optional<MediaFile> file = servable(fileId);
            if (file.isPresent() && entitled(file.get(), sender)) {
                records.recordShare(fileId, archiveId, sender, recipient);
            } else {
                LOG.info("A message from '{}' named file {} without the right to share it: no share noted",
                        sender, fileId);
            }
        }
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
                    BlobKeys.deleteAll(store, fileId);
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
}
