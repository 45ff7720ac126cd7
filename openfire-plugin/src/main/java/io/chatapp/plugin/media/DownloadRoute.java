package io.chatapp.plugin.media;

import com.sun.net.httpserver.HttpExchange;
import io.chatapp.plugin.http.HttpApiServer;
import io.chatapp.plugin.http.HttpProblem;
import io.chatapp.plugin.http.HttpResponse;
import io.chatapp.plugin.http.HttpRoute;
import io.chatapp.plugin.http.QueryParameters;
import io.chatapp.plugin.http.StreamedBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * {@code GET}/{@code HEAD} of a file or its thumbnail by signed URL, streamed from the store with the headers that
 * keep a browser from doing anything but show or save it: the recorded type with {@code nosniff}, a sandboxing CSP,
 * {@code attachment} for anything not image/audio/video; with ETag revalidation and single byte ranges (seeking).
 */
final class DownloadRoute implements HttpRoute {

    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; media-src 'self'; img-src 'self';"
            + " sandbox";

    private final MediaService media;
    private final String path;

    /** @param path {@link MediaUrls#FILES_PATH} or {@link MediaUrls#THUMBNAILS_PATH} */
    DownloadRoute(MediaService media, String path) {
        this.media = media;
        this.path = path;
    }

    @Override
    public HttpResponse handle(HttpExchange exchange) throws Exception {
        try {
            return serve(exchange);
        } catch (HttpProblem problem) {
            // A web client on another origin must be able to read why (403, 404) rather than see a CORS failure.
            return cors(problem.response());
        }
    }

    private HttpResponse serve(HttpExchange exchange) throws Exception {
        String fileId = HttpApiServer.pathParameter(exchange, "fileId");
        if (!MediaIds.valid(fileId)) {
            throw new HttpProblem(404, "not_found", "No such file.");
        }
        Map<String, String> query = QueryParameters.parse(exchange.getRequestURI().getRawQuery());
        if (!media.urls().downloadSigned(path, fileId, query)) {
            throw new HttpProblem(403, "invalid_signature", "The download URL's signature is not valid or has"
                    + " expired; ask for a fresh URL.");
        }
        MediaFile file = media.servable(fileId).orElseThrow(() -> new HttpProblem(404, "not_found",
                "No such file (or it was deleted)."));
        boolean thumbnail = path.equals(MediaUrls.THUMBNAILS_PATH);
        if (thumbnail && file.thumbnail() == null) {
            throw new HttpProblem(404, "not_found", "This file has no thumbnail.");
        }
        String key = thumbnail ? BlobKeys.thumbnail(fileId) : BlobKeys.file(fileId);
        long size = thumbnail ? media.store().size(key).orElseThrow(() -> new HttpProblem(404, "not_found",
                "No such file.")) : file.size();
        String type = thumbnail ? "image/jpeg" : file.mediaType();
        String etag = "\"" + (thumbnail ? "t-" : "") + file.sha256() + "\"";

        HttpResponse response;
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            response = HttpResponse.empty(304);
        } else {
            String rangeHeader = exchange.getRequestHeaders().getFirst("Range");
            String ifRange = exchange.getRequestHeaders().getFirst("If-Range");
            ByteRange.Request range = ifRange != null && !ifRange.equals(etag) ? new ByteRange.Whole()
                    : ByteRange.parse(rangeHeader, size);
            if (range instanceof ByteRange.Unsatisfiable) {
                response = HttpResponse.error(416, "range_not_satisfiable", "The file has " + size + " bytes.")
                        .withHeader("Content-Range", "bytes */" + size);
            } else if (range instanceof ByteRange.Part part) {
                response = HttpResponse.stream(206, type, body(key, part.range().first(), part.range().length()))
                        .withHeader("Content-Range", part.range().contentRange(size));
            } else {
                response = HttpResponse.stream(200, type, body(key, 0, size));
            }
            response = response.withHeader("Content-Disposition", disposition(type, thumbnail
                    ? MediaUrls.THUMBNAIL_NAME : file.fileName()));
        }
        return servingHeaders(response).withHeader("ETag", etag);
    }

    private static final int COPY_BUFFER = 256 * 1024;

    private StreamedBody body(String key, long offset, long length) {
        return new StreamedBody() {
            @Override
            public long length() {
                return length;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                // Large reads and writes: InputStream.transferTo's 8 KiB chunks cost a system call each way per chunk.
                byte[] buffer = new byte[COPY_BUFFER];
                try (InputStream in = media.store().get(key, offset, length)) {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        out.write(buffer, 0, n);
                    }
                }
            }
        };
    }

    /** Headers every served download carries (errors get the CORS ones only, and stay uncached). */
    static HttpResponse servingHeaders(HttpResponse response) {
        return cors(response.withHeader("Accept-Ranges", "bytes")
                .withHeader("Content-Security-Policy", CSP)
                .withHeader("Cache-Control", "private, max-age=3600"));
    }

    private static HttpResponse cors(HttpResponse response) {
        return response.withHeader("Access-Control-Allow-Origin", "*")
                .withHeader("Access-Control-Expose-Headers", "Content-Length, Content-Range, ETag, Accept-Ranges");
    }

    /** Images, audio and video may show in place; anything else is only ever saved. */
    static String disposition(String type, String fileName) {
        UploadRules.Kind kind = UploadRules.kindOf(type);
        String how = kind == UploadRules.Kind.FILE ? "attachment" : "inline";
        String ascii = fileName.replaceAll("[^\\x20-\\x7e]|[\"\\\\%;]", "_");
        return how + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + MediaUrls.encodeSegment(fileName);
    }
}
