package io.chatapp.client.internal.media;

import io.chatapp.client.ChatClientException;
import io.chatapp.client.ChatClientException.Reason;
import io.chatapp.client.MediaProgressListener;
import io.chatapp.client.internal.HttpFailures;
import io.chatapp.client.internal.Json;
import io.chatapp.client.internal.TrustManagers;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP side of media: the PUT of an upload slot, downloads, and the token API's fresh URLs. Files are streamed
 * in chunks both ways, never held in memory. Every failure is a {@link ChatClientException} with a reason an app
 * can act on.
 */
public final class MediaHttp {

    /** The only slot headers XEP-0363 §5 lets a client pass on to the PUT. */
    private static final Set<String> SLOT_HEADERS = Set.of("authorization", "cookie", "expires");

    private final HttpClient http;
    /** For the token API: a bearer token is never repeated to wherever a redirect points. */
    private final HttpClient api;
    private final Duration timeout;

    public MediaHttp(Duration timeout, Path trustedCertificate) {
        this.http = client(timeout, trustedCertificate, HttpClient.Redirect.NORMAL);
        this.api = client(timeout, trustedCertificate, HttpClient.Redirect.NEVER);
        this.timeout = timeout;
    }

    private static HttpClient client(Duration timeout, Path trustedCertificate, HttpClient.Redirect redirects) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(redirects)
                .connectTimeout(timeout);
        if (trustedCertificate != null) {
            builder.sslContext(TrustManagers.sslContext(trustedCertificate));
        }
        return builder.build();
    }

    /**
     * PUTs the file to an upload slot with {@code Content-Type} {@code mediaType} and its exact length, and returns
     * the server's result: null when the server answered success without a chat-app JSON body.
     */
    public UploadResult upload(String putUrl, Map<String, String> slotHeaders, LocalFile file,
                               MediaProgressListener progress) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(putUrl))
                .header("Content-Type", file.mediaType())
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() ->
                        counting(file.path(), file.size(), progress)), file.size()));
        slotHeaders.forEach((name, value) -> {
            if (SLOT_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                request.header(name, value.replaceAll("[\\r\\n]", ""));
            }
        });
        HttpResponse<String> response = send(request.build(), HttpResponse.BodyHandlers.ofString(), "upload");
        int status = response.statusCode();
        if (status == 200 || status == 201 || status == 204) {
            return UploadResult.parse(response.body());
        }
        throw uploadRefused(status, response.body(), file);
    }

    static ChatClientException uploadRefused(int status, String body, LocalFile file) {
        String detail = UploadResult.error(body);
        String because = detail.isEmpty() ? "" : ": " + detail;
        if (UploadResult.isStoreBusyError(body)) {
            // The server's disk is full or failing: before this, a full disk read as the user's quota used up.
            return storeBusy(file.name(), detail, null);
        }
        if (UploadResult.isQuotaError(body) || status == 507) {
            return new ChatClientException(Reason.QUOTA_EXCEEDED, "Your storage quota on the server is used up"
                    + because);
        }
        return switch (status) {
            case 413 -> new ChatClientException(Reason.FILE_TOO_LARGE, file.name() + " is too large for the server"
                    + because);
            case 415 -> new ChatClientException(Reason.MEDIA_TYPE_REFUSED, "The server refused " + file.name()
                    + " (" + file.mediaType() + ")" + because);
            case 403 -> new ChatClientException(Reason.NOT_ALLOWED, "The server refused the upload link"
                    + because);
            case 400, 409 -> new ChatClientException(Reason.INVALID_INPUT, "The server refused the upload"
                    + because);
            default -> new ChatClientException(Reason.SERVER_ERROR, "The upload failed with HTTP " + status
                    + because);
        };
    }

    /**
     * The server cannot store the file now (its media store is full or failing), in its own words when it gave them:
     * the same failure whether the PUT was refused (507, 503) or, before it, the slot (XEP-0363's temporary error).
     */
    public static ChatClientException storeBusy(String fileName, String serverWords, Throwable cause) {
        String because = serverWords == null || serverWords.isBlank() ? "" : ": " + serverWords;
        return new ChatClientException(Reason.SERVER_BUSY, "The server could not store " + fileName + " now" + because,
                cause, serverWords);
    }

    /**
     * Downloads {@code url} to {@code target}: streamed into a temporary file next to it, checked against the
     * expected size and SHA-256 when known, then moved into place atomically. On any failure nothing is left.
     *
     * @param expectedSize bytes expected, or null
     * @param sha256       the expected lowercase hex SHA-256, or null
     * @throws ChatClientException with {@link Reason#INTEGRITY} when the bytes do not match, {@link Reason#NOT_FOUND}
     *                             (404, 410) or {@link Reason#NOT_ALLOWED} (401, 403) when the server refuses
     */
    public Path download(String url, Path target, Long expectedSize, String sha256, MediaProgressListener progress) {
        if (Files.exists(target)) {
            throw new ChatClientException(Reason.INVALID_INPUT, target + " already exists");
        }
        HttpRequest request = HttpRequest.newBuilder(uri(url)).GET().build();
        HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream(), "download");
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw downloadRefused(response.statusCode());
            }
            long total = expectedSize != null ? expectedSize
                    : response.headers().firstValueAsLong("Content-Length").orElse(-1);
            return new VerifiedFile(target, expectedSize, sha256).save(body, total, progress);
        } catch (IOException e) {
            throw HttpFailures.transport(e, "media download from " + hostOf(url));
        }
    }

    static ChatClientException downloadRefused(int status) {
        return switch (status) {
            case 404, 410 -> new ChatClientException(Reason.NOT_FOUND,
                    "The file is no longer on the server (HTTP " + status + ")");
            case 401, 403 -> new ChatClientException(Reason.NOT_ALLOWED,
                    "The server refused the download link (HTTP " + status + "): it may have expired");
            default -> new ChatClientException(Reason.SERVER_ERROR, "The download failed with HTTP " + status);
        };
    }

    /**
     * Asks the token API for a fresh signed URL of a file ({@code POST /api/v1/media/{fileId}/url}).
     *
     * @throws ChatClientException {@link Reason#NOT_ALLOWED} (403: neither the uploader nor a participant),
     *                             {@link Reason#NOT_FOUND} (404: unknown, deleted or revoked),
     *                             {@link Reason#NOT_AUTHORIZED} (401: the access token was refused)
     */
    public String freshUrl(URI apiBaseUrl, String fileId, String accessToken) {
        HttpRequest request = HttpRequest.newBuilder(apiBaseUrl.resolve("api/v1/media/" + fileId + "/url"))
                .timeout(timeout)
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = send(api, request, HttpResponse.BodyHandlers.ofString(), "media API");
        String detail = UploadResult.error(response.body());
        String because = detail.isEmpty() ? "" : ": " + detail;
        return switch (response.statusCode()) {
            case 200 -> {
                try {
                    Object url = Json.parseObject(response.body()).get("url");
                    if (url instanceof String text && !text.isBlank()) {
                        yield text;
                    }
                } catch (IllegalArgumentException notJson) {
                    // reported below
                }
                throw new ChatClientException(Reason.SERVER_ERROR, "The media API gave no URL");
            }
            case 401 -> throw new ChatClientException(Reason.NOT_AUTHORIZED, "The server refused the access token"
                    + because);
            case 403 -> throw new ChatClientException(Reason.NOT_ALLOWED, "This account may not fetch that file"
                    + because);
            case 404 -> throw new ChatClientException(Reason.NOT_FOUND, "The file is no longer on the server"
                    + because);
            default -> throw new ChatClientException(Reason.SERVER_ERROR, "The media API answered HTTP "
                    + response.statusCode() + because);
        };
    }

    /**
     * The file id in a download URL of this server ({@code …/media/v1/files/{fileId}/{name}}), or null when the URL
     * is not one.
     */
    public static String fileId(String url) {
        try {
            String path = URI.create(url).getRawPath();
            String marker = "/media/v1/files/";
            int at = path == null ? -1 : path.indexOf(marker);
            if (at < 0) {
                return null;
            }
            String rest = path.substring(at + marker.length());
            int slash = rest.indexOf('/');
            String id = slash < 0 ? rest : rest.substring(0, slash);
            return id.matches("[A-Za-z0-9_-]{16,}") ? id : null;
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, String what) {
        return send(http, request, handler, what);
    }

    private static <T> HttpResponse<T> send(HttpClient client, HttpRequest request,
                                            HttpResponse.BodyHandler<T> handler, String what) {
        try {
            return client.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatClientException(Reason.NETWORK, "Interrupted", e);
        } catch (IOException e) {
            throw HttpFailures.transport(e, what + " at " + request.uri().getHost());
        }
    }

    private static URI uri(String url) {
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("not an HTTP URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ChatClientException(Reason.INVALID_INPUT, "Invalid media URL " + url + ": " + e.getMessage(), e);
        }
    }

    private static String hostOf(String url) {
        return uri(url).getHost();
    }

    /** The file, counting the bytes read from it into the progress listener. */
    private static InputStream counting(Path path, long total, MediaProgressListener progress) {
        try {
            progress.onProgress(0, total);
            return new FilterInputStream(Files.newInputStream(path)) {
                private long read;

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) {
                        read += n;
                        progress.onProgress(read, total);
                    }
                    return n;
                }

                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        progress.onProgress(++read, total);
                    }
                    return b;
                }
            };
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
