package io.chatapp.plugin.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.plugin.testing.JsonReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Routes whose path has {name} segments, as the admin API uses them. */
class HttpApiServerTemplateTest {

    private static HttpApiServer server;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startServer() throws IOException {
        server = new HttpApiServer("127.0.0.1", 0, 2)
                .route("GET", "/api/v1/admin/users", exchange -> HttpResponse.json(200, Map.of("route", "list")))
                .route("GET", "/api/v1/admin/users/{username}", exchange -> HttpResponse.json(200,
                        Map.of("route", "show", "username", HttpApiServer.pathParameter(exchange, "username"))))
                .route("DELETE", "/api/v1/admin/users/{username}", exchange -> HttpResponse.json(200,
                        Map.of("route", "delete", "username", HttpApiServer.pathParameter(exchange, "username"))))
                .route("POST", "/api/v1/admin/users/{username}/disable", exchange -> HttpResponse.json(200,
                        Map.of("route", "disable", "username", HttpApiServer.pathParameter(exchange, "username"))))
                .route("GET", "/api/v1/admin/users/me", exchange -> HttpResponse.json(200, Map.of("route", "exact")))
                .route("GET", "/api/v1/items/{id}", exchange -> HttpResponse.json(200,
                        Map.of("other", HttpApiServer.pathParameter(exchange, "nope"))));
        server.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static java.net.http.HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody()).build();
        return CLIENT.send(request, BodyHandlers.ofString());
    }

    private static Map<String, Object> body(java.net.http.HttpResponse<String> response) {
        return JsonReader.readObject(response.body());
    }

    @Test
    void theRouteTableListsEveryMethodAndPathSorted() {
        assertThat(server.routeTable()).containsExactly("DELETE /api/v1/admin/users/{username}",
                "GET /api/v1/admin/users", "GET /api/v1/admin/users/me", "GET /api/v1/admin/users/{username}",
                "GET /api/v1/items/{id}", "POST /api/v1/admin/users/{username}/disable");
    }

    @Test
    void aTemplateMatchesAndPassesTheSegment() throws Exception {
        var response = send("GET", "/api/v1/admin/users/alice");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response)).containsEntry("route", "show").containsEntry("username", "alice");
    }

    @Test
    void theMethodChoosesAmongTheRoutesOfOneTemplate() throws Exception {
        var response = send("DELETE", "/api/v1/admin/users/bob");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response)).containsEntry("route", "delete").containsEntry("username", "bob");
    }

    @Test
    void aParameterInTheMiddleOfThePath() throws Exception {
        var response = send("POST", "/api/v1/admin/users/carol.smith/disable");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response)).containsEntry("route", "disable").containsEntry("username", "carol.smith");
    }

    @Test
    void theParameterIsPercentDecoded() throws Exception {
        var response = send("GET", "/api/v1/admin/users/J%C3%BCrgen");
        assertThat(body(response)).containsEntry("username", "Jürgen");
    }

    @Test
    void exactRoutesTakePrecedence() throws Exception {
        assertThat(body(send("GET", "/api/v1/admin/users/me"))).containsEntry("route", "exact");
        assertThat(body(send("GET", "/api/v1/admin/users"))).containsEntry("route", "list");
        assertThat(body(send("GET", "/api/v1/admin/users/mel"))).containsEntry("route", "show");
    }

    @Test
    void pathsThatDoNotMatchAreNotFound() throws Exception {
        for (String path : new String[] {"/api/v1/admin/users/", "/api/v1/admin/users//disable",
                "/api/v1/admin/users/alice/", "/api/v1/admin/users/alice/enable",
                "/api/v1/admin/users/alice/disable/now", "/api/v1/admin/people/alice", "/api/v1/admin/users/a/b/c"}) {
            var response = send("POST", path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(body(response)).as(path).containsEntry("error", "not_found");
        }
    }

    @Test
    void aWrongMethodOnATemplateIsNotAllowed() throws Exception {
        var response = send("PUT", "/api/v1/admin/users/alice");
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, DELETE");
        assertThat(body(response)).containsEntry("error", "method_not_allowed");

        var disable = send("GET", "/api/v1/admin/users/alice/disable");
        assertThat(disable.statusCode()).isEqualTo(405);
        assertThat(disable.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void askingForAParameterTheRouteDoesNotHaveIsAServerError() throws Exception {
        assertThat(send("GET", "/api/v1/items/7").statusCode()).isEqualTo(500);
    }

    @Test
    void theQueryStringIsNotPartOfTheParameter() throws Exception {
        assertThat(body(send("GET", "/api/v1/admin/users/alice?x=1"))).containsEntry("username", "alice");
    }
}
