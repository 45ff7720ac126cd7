package io.chatapp.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.plugin.openfire.ChatAppPlugin;
import io.chatapp.plugin.testing.EmbeddedDatabase;
import io.chatapp.plugin.testing.InMemoryAccounts;
import io.chatapp.plugin.testing.JsonReader;
import io.chatapp.plugin.testing.JsonText;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzing of the HTTP API through the real server (jqwik, fixed seed, bounded tries): every route the features
 * register, with made-up JSON bodies, query parameters, path parameters, {@code Range} headers and bearer tokens
 * (a real user's, garbage, none). Whatever the client gets wrong, the answer is a 4xx with a JSON error, never a 500.
 */
class HttpApiFuzzTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static EmbeddedDatabase postgres;
    private static ChatAppServer server;
    private static String userToken;

    @BeforeContainer
    static void start() throws Exception {
        postgres = EmbeddedDatabase.start();
        server = ChatAppServer.start(postgres.settings("fuzz"), "node-fuzz",
                new InMemoryAccounts().add("alice", "alice-password-1").admin("root", "root-password-1"),
                ChatAppPlugin.domainFeatures());
        HttpResponse<String> token = send("POST", "/api/v1/auth/token", null, "application/json",
                "{\"username\":\"alice\",\"password\":\"alice-password-1\"}", null);
        userToken = (String) JsonReader.readObject(token.body()).get("access_token");
    }

    @AfterContainer
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Property(tries = 400, seed = "1515")
    void clientMistakesNeverGetA500(@ForAll("requests") Request request) throws Exception {
        String bearer = switch (request.auth()) {
            case 0 -> null;
            case 1 -> userToken;
            default -> request.text();
        };
        HttpResponse<String> response = send(request.method(), request.path(), bearer, request.contentType(),
                request.body(), request.range());
        assertThat(response.statusCode()).as("%s -> %s", request, response.body()).isBetween(200, 499);
        if (response.statusCode() >= 400 && !request.method().equals("HEAD")) {
            assertThat(response.headers().firstValue("Content-Type")).as("%s", request)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        }
    }

    /** One request; {@code auth} 0 = no token, 1 = a real user's, 2 = {@code text} as the token. */
    record Request(String method, String path, String contentType, String body, String range, int auth,
                   String text) {
    }

    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(30),
                Arbitraries.strings().withCharRange('!', '~').ofMaxLength(30),
                Arbitraries.of("", "0", "-1", "99999999999999999999", "null", "../..", "%00", "a%2Fb", "é",
                        "alice@localhost", "x".repeat(300)));
        Arbitrary<String> route = Arbitraries.of(
                "POST /api/v1/accounts", "POST /api/v1/auth/token", "POST /api/v1/auth/refresh",
                "POST /api/v1/auth/logout", "GET /api/v1/me", "DELETE /api/v1/me", "POST /api/v1/me/password",
                "POST /api/v1/auth/logout-all", "GET /api/v1/admin/users", "GET /api/v1/admin/users/{p}",
                "POST /api/v1/admin/users/{p}/disable", "POST /api/v1/stories", "GET /api/v1/stories/feed",
                "GET /api/v1/stories/users/{p}", "POST /api/v1/stories/{p}/view", "GET /api/v1/stories/{p}/viewers",
                "DELETE /api/v1/stories/{p}", "GET /api/v1/stories/privacy", "PUT /api/v1/stories/privacy",
                "PUT /api/v1/stories/mutes/{p}", "PUT /media/v1/upload/{p}", "OPTIONS /media/v1/upload/{p}",
                "GET /media/v1/files/{p}/{p}", "HEAD /media/v1/thumbs/{p}/{p}", "POST /api/v1/media/{p}/url",
                "DELETE /api/v1/media/{p}", "GET /health", "GET /.well-known/jwks.json");
        Arbitrary<String> query = Combinators.combine(Arbitraries.of("q", "limit", "offset", "cursor", "exp",
                "sig", "before", "after", "max"), text).as((name, value) -> name + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)).list().ofMaxSize(3)
                .map(parts -> parts.isEmpty() ? "" : "?" + String.join("&", parts));
        Arbitrary<String> path = Combinators.combine(route, text, text, query).as((r, p1, p2, q) ->
                r.replaceFirst("\\{p}", segment(p1)).replaceFirst("\\{p}", segment(p2)) + q);
        Arbitrary<String> body = Arbitraries.oneOf(text, json(text), Arbitraries.of("{", "[]", "{}", "\"x\"",
                "{\"username\":{\"a\":1}}", "{\"password\":[1,2]}", "{\"text\":null}", "{\"refresh_token\":7}",
                "{\"kind\":\"text\",\"text\":\"\",\"audience\":\"everyone\"}", "{\"privacy\":\"nobody\"}"));
        return Combinators.combine(path, Arbitraries.of("application/json", "text/plain", "",
                        "application/json; charset=latin1", "image/png"), body,
                Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.of("bytes=0-0", "bytes=-5", "bytes=5-1",
                        "bytes=0-1,2-3", "bytes=99999999999999999999-", "lines=1-2", "bytes="), text),
                Arbitraries.integers().between(0, 2), text)
                .as((p, type, b, range, auth, t) -> new Request(p.substring(0, p.indexOf(' ')),
                        p.substring(p.indexOf(' ') + 1), type, b, range, auth, t));
    }

    /** JSON objects whose fields are the routes' names with values of every type. */
    private static Arbitrary<String> json(Arbitrary<String> text) {
        Arbitrary<String> name = Arbitraries.of("username", "password", "refresh_token", "current_password",
                "new_password", "text", "kind", "audience", "privacy", "members", "media", "caption", "x");
        Arbitrary<String> value = Arbitraries.oneOf(text.map(JsonText::quoted),
                Arbitraries.of("null", "true", "0", "-1", "1e999", "123456789012345678901234567890", "[]", "{}",
                        "[\"alice@localhost\"]", "[null]"));
        return Combinators.combine(name, value).as((n, v) -> JsonText.quoted(n) + ":" + v).list().ofMaxSize(4)
                .map(fields -> "{" + String.join(",", fields) + "}");
    }

    private static String segment(String text) {
        return text.isEmpty() ? "x" : URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static HttpResponse<String> send(String method, String path, String bearer, String contentType,
                                             String body, String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort()
                + path)).timeout(Duration.ofSeconds(20));
        if (bearer != null && !bearer.isEmpty() && bearer.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (contentType != null && !contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        if (range != null && !range.isEmpty() && range.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            request.header("Range", range);
        }
        boolean hasBody = List.of("POST", "PUT", "DELETE").contains(method) && body != null;
        request.method(method, hasBody ? HttpRequest.BodyPublishers.ofString(body)
                : HttpRequest.BodyPublishers.noBody());
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
