package io.chatapp.benchmarks.login;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Gets access tokens from the plugin's {@code POST /api/v1/auth/token}, outside the timed part of a login. */
final class TokenClient {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI tokenUri;

    TokenClient(URI pluginHttpUri) {
        this.tokenUri = pluginHttpUri.resolve("api/v1/auth/token");
    }

    /** A fresh access token (user names and passwords here are plain ASCII, so no JSON escaping is needed). */
    String accessToken(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenUri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher matcher = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !matcher.find()) {
            throw new IOException("Token request failed: " + response.statusCode() + " " + response.body());
        }
        return matcher.group(1);
    }
}
