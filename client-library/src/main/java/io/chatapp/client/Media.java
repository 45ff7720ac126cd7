package io.chatapp.client;

import io.chatapp.client.ChatClientException.Reason;
import io.chatapp.client.internal.media.LocalFile;
import io.chatapp.client.internal.media.MediaHttp;
import io.chatapp.client.internal.media.UploadResult;
import io.chatapp.client.internal.xmpp.Stanzas;
import io.chatapp.client.internal.xmpp.UploadSlots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Sharing files: images, videos, voice notes and any other file ({@link ChatClient#media()}).
 *
 * <p>{@link #send} uploads a file through the server's XEP-0363 upload service and sends it as standard clients
 * do: a message whose body is the download URL, with XEP-0066 out-of-band data and XEP-0446 metadata (name, type,
 * size, dimensions, play length, SHA-256, thumbnail), so Conversations, Gajim and Dino show it too. Received media
 * arrive as ordinary {@link ChatMessage}s whose {@link ChatMessage#media()} describes the file (live, offline,
 * carbons and history alike; a message from a standard client with only the link is media too).
 * {@link #download} fetches one, verifying its SHA-256 when the sender gave it.
 *
 * <pre>{@code
 * SentMedia sent = client.media().send("bob@example.org", Path.of("photo.jpg"), MediaProgressListener.NONE).join();
 * client.onMessage(m -> {
 *     if (m.hasMedia()) {
 *         client.media().download(m.media(), Path.of("Downloads", m.media().name()), MediaProgressListener.NONE);
 *     }
 * });
 * }</pre>
 */
public final class Media {

    private final MessageHub hub;
    private final Supplier<java.util.Optional<TokenSet>> tokens;
    private volatile MediaHttp http;

    Media(MessageHub hub, Supplier<java.util.Optional<TokenSet>> tokens) {
        this.hub = hub;
        this.tokens = tokens;
    }

    /**
     * Uploads {@code file} and sends it to {@code peer}. Reads the file's metadata first (streaming it once for
     * the SHA-256; image dimensions and play length from headers), asks the server for an upload slot, PUTs the
     * file (streamed, reporting progress to {@code progress} on the upload's thread), then sends the media message.
     * Completes once the message is handed to the connection; its status then moves like a text's
     * ({@link Receipts}).
     *
     * <p>Fails with {@link Reason#FILE_TOO_LARGE} (with the server's {@link ChatClientException#limit()}),
     * {@link Reason#MEDIA_TYPE_REFUSED}, {@link Reason#QUOTA_EXCEEDED}, {@link Reason#SERVER_BUSY} (the server's
     * store is full or failing: try again later), {@link Reason#UNSUPPORTED} (the server has no upload service),
     * {@link Reason#INVALID_INPUT} (no such readable, non-empty file), or {@link Reason#NETWORK}. When the upload
     * fails, no message is sent. Cancelling the returned future stops the upload at its next chunk, and no message is
     * sent.
     */
    public CompletableFuture<SentMedia> send(String peer, Path file, MediaProgressListener progress) {
        return uploadAndSend(file, progress, () -> {
            var to = hub.context.bareJid(peer);
            return attachment -> {
                String id = hub.send(to, messageId -> Stanzas.media(to, messageId, attachment));
                return new SentMedia(id, to.toString(), attachment);
            };
        });
    }

    /** Sends the uploaded file's message (one-to-one or to a group) or posts it as a story, returning what was sent. */
    @FunctionalInterface
    interface MediaSender<T> {
        T send(MediaAttachment attachment) throws Exception;
    }

    /**
     * The step one-to-one and group media share: on the client's I/O threads, asks {@code target} for the sender
     * (which checks the address first, so a bad address uploads nothing), inspects {@code file}, uploads it through
     * a XEP-0363 slot (reporting to {@code progress}), describes it, then hands the attachment to the sender unless
     * the future was cancelled meanwhile. Fails as {@link #send} says.
     */
    <T> CompletableFuture<T> uploadAndSend(Path file, MediaProgressListener progress,
                                           java.util.concurrent.Callable<MediaSender<T>> target) {
        return transfer(progress, (watched, cancelled) -> {
            MediaSender<T> sender = target.call();
            hub.context.requireSession();
            LocalFile local = inspect(file);
            UploadSlots.Granted slot = UploadSlots.request(hub.context.connection(), local.name(), local.size(),
                    local.mediaType());
            UploadResult result = http().upload(slot.putUrl(), slot.headers(), local, watched);
            MediaAttachment attachment = attachment(local, slot.getUrl(), result);
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("The upload was cancelled");
            }
            hub.context.requireSession();
            return sender.send(attachment);
        });
    }

    /**
     * Downloads a file to {@code target} (which must not exist yet): streamed into a temporary file in the same
     * directory, checked against the announced size and SHA-256 when the sender gave them, then moved into place
     * atomically, so {@code target} appears only complete and verified. Reports progress on the download's thread.
     * When the server refuses an expired link and this client logged in with a token, it asks for a
     * {@link #freshUrl} once and tries again.
     *
     * <p>Fails with {@link Reason#INTEGRITY} (wrong hash or size: nothing is left behind), {@link Reason#NOT_FOUND}
     * (deleted or retracted), {@link Reason#NOT_ALLOWED} (the link was refused), {@link Reason#INVALID_INPUT}
     * ({@code target} exists, or its directory does not), or {@link Reason#NETWORK}. Cancelling the returned
     * future stops the download at its next chunk and removes the temporary file.
     *
     * @return the saved file
     */
    public CompletableFuture<Path> download(MediaAttachment media, Path target, MediaProgressListener progress) {
        Objects.requireNonNull(media, "media");
        return transfer(progress, (watched, cancelled) -> {
            Path directory = target.toAbsolutePath().getParent();
            if (directory == null || !Files.isDirectory(directory)) {
                throw new ChatClientException(Reason.INVALID_INPUT, "No such directory: " + directory);
            }
            try {
                return http().download(media.url(), target, media.size(), media.sha256(), watched);
            } catch (ChatClientException refused) {
                if (refused.reason() != Reason.NOT_ALLOWED || tokens.get().isEmpty()
                        || MediaHttp.fileId(media.url()) == null) {
                    throw refused;
                }
                String fresh = freshUrlNow(media);
                return http().download(fresh, target, media.size(), media.sha256(), watched);
            }
        });
    }

    /**
     * The same attachment with a freshly signed download URL from the server's token API, for when a link has
     * expired (servers may give download links an expiry). Available only to a client logged in with a token
     * ({@link ChatClient#loginWithToken}) with {@link ChatClientConfig#apiBaseUrl()} set, and only for files on a
     * chat-app server; the server gives it to the uploader and the participants of a conversation the file was
     * shared in. Fails with {@link Reason#NOT_CONNECTED} after a password login, {@link Reason#UNSUPPORTED} for a
     * URL that is not a chat-app media URL, {@link Reason#NOT_ALLOWED} (not a participant) or
     * {@link Reason#NOT_FOUND} (deleted, retracted).
     */
    public CompletableFuture<MediaAttachment> freshUrl(MediaAttachment media) {
        Objects.requireNonNull(media, "media");
        return hub.context.call(() -> media.withUrl(freshUrlNow(media)));
    }

    /** A transfer's work, given the progress listener to report to and whether its future was cancelled. */
    @FunctionalInterface
    private interface Transfer<T> {
        T run(MediaProgressListener progress, BooleanSupplier cancelled) throws Exception;
    }

    /**
     * Runs a transfer on the client's I/O threads. Cancelling the returned future stops it at its next chunk: the
     * listener the transfer reports to throws once the future is cancelled, which ends the upload or download and
     * removes what it wrote.
     */
    private <T> CompletableFuture<T> transfer(MediaProgressListener progress, Transfer<T> work) {
        Objects.requireNonNull(progress, "progress");
        CompletableFuture<T> result = new CompletableFuture<>();
        MediaProgressListener watched = (transferred, total) -> {
            if (result.isCancelled()) {
                throw new CancellationException("The transfer was cancelled");
            }
            progress.onProgress(transferred, total);
        };
        hub.context.call(() -> work.run(watched, result::isCancelled)).whenComplete((value, failure) -> {
            if (failure == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            }
        });
        return result;
    }

    private String freshUrlNow(MediaAttachment media) {
        TokenSet current = tokens.get().orElseThrow(() -> new ChatClientException(Reason.NOT_CONNECTED,
                "Fresh media URLs need a token login (ChatClient.loginWithToken)"));
        var apiBaseUrl = hub.context.config.apiBaseUrl().orElseThrow(() -> new ChatClientException(
                Reason.INVALID_INPUT, "No API URL configured (ChatClientConfig.Builder.apiBaseUrl)"));
        String fileId = MediaHttp.fileId(media.url());
        if (fileId == null) {
            throw new ChatClientException(Reason.UNSUPPORTED, "Not a media URL of a chat-app server: "
                    + media.url());
        }
        return http().freshUrl(apiBaseUrl, fileId, current.accessToken());
    }

    private static LocalFile inspect(Path file) {
        if (file == null || !Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ChatClientException(Reason.INVALID_INPUT, "No readable file " + file);
        }
        try {
            LocalFile local = LocalFile.inspect(file);
            if (local.size() == 0) {
                throw new ChatClientException(Reason.INVALID_INPUT, file + " is empty");
            }
            return local;
        } catch (IOException e) {
            throw new ChatClientException(Reason.INVALID_INPUT, "Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The attachment as sent: the server's findings (sniffed type, dimensions, thumbnail) over the library's own,
     * after checking that the server stored exactly the bytes sent.
     */
    static MediaAttachment attachment(LocalFile local, String slotGetUrl, UploadResult result) {
        if (result == null) {
            return new MediaAttachment(slotGetUrl, local.name(), local.mediaType(), local.size(), local.width(),
                    local.height(), duration(local.durationMillis()), local.sha256(), null);
        }
        if ((result.sha256() != null && !result.sha256().equals(local.sha256()))
                || (result.size() != null && result.size() != local.size())) {
            throw new ChatClientException(Reason.INTEGRITY, "The server stored different bytes than were sent "
                    + "(size or SHA-256 differ); the message was not sent");
        }
        return new MediaAttachment(result.url(), local.name(),
                result.mediaType() != null ? result.mediaType() : local.mediaType(), local.size(),
                result.width() != null ? result.width() : local.width(),
                result.height() != null ? result.height() : local.height(),
                duration(local.durationMillis()), local.sha256(), result.thumbnail());
    }

    private static Duration duration(Long millis) {
        return millis == null ? null : Duration.ofMillis(millis);
    }

    private MediaHttp http() {
        MediaHttp current = http;
        if (current == null) {
            synchronized (this) {
                if (http == null) {
                    http = new MediaHttp(hub.context.config.replyTimeout(),
                            hub.context.config.trustedCertificate().orElse(null));
                }
                current = http;
            }
        }
        return current;
    }
}
