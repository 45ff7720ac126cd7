package io.chatapp.plugin.media;

import com.sun.net.httpserver.HttpExchange;
import io.chatapp.plugin.auth.AccessToken;
import io.chatapp.plugin.auth.ProtectedRoute;
import io.chatapp.plugin.auth.TokenService;
import io.chatapp.plugin.http.HttpApiServer;
import io.chatapp.plugin.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The media service's HTTP side: uploads and downloads by signed URL ({@code /media/v1/...}) and the token API
 * ({@code /api/v1/media/...}: a fresh download URL, deleting a file). See docs/http-api.md.
 */
public final class MediaRoutes {

    private final MediaService media;
    private final TokenService tokens;

    public MediaRoutes(MediaService media, TokenService tokens) {
        this.media = media;
        this.tokens = tokens;
    }

    public void register(HttpApiServer http) {
        UploadRoute upload = new UploadRoute(media);
        http.route("PUT", MediaUrls.UPLOAD_PATH + "{slotId}", upload);
        http.route("OPTIONS", MediaUrls.UPLOAD_PATH + "{slotId}", UploadRoute::preflight);
        for (String path : new String[] {MediaUrls.FILES_PATH, MediaUrls.THUMBNAILS_PATH}) {
            DownloadRoute download = new DownloadRoute(media, path);
            http.route("GET", path + "{fileId}/{name}", download);
            http.route("HEAD", path + "{fileId}/{name}", download);
        }
        http.route("POST", "/api/v1/media/{fileId}/url", new ProtectedRoute(tokens, "user", this::freshUrl));
        http.route("DELETE", "/api/v1/media/{fileId}", new ProtectedRoute(tokens, "user", this::delete));
    }

    private HttpResponse freshUrl(HttpExchange exchange, AccessToken caller) throws Exception {
        MediaUrls.SignedUrl url = media.freshUrl(HttpApiServer.pathParameter(exchange, "fileId"), caller.subject());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url.url());
        body.put("expiresAt", url.expiresAt() == null ? null : url.expiresAt().toString());
        return HttpResponse.json(200, body);
    }

    private HttpResponse delete(HttpExchange exchange, AccessToken caller) throws Exception {
        media.delete(HttpApiServer.pathParameter(exchange, "fileId"), caller.subject());
        return HttpResponse.empty(204);
    }
}
