package io.chatapp.plugin.stories;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.chatapp.plugin.auth.ProtectedRoute;
import io.chatapp.plugin.auth.TokenService;
import io.chatapp.plugin.http.HttpApiServer;
import io.chatapp.plugin.http.HttpProblem;
import io.chatapp.plugin.http.HttpResponse;
import io.chatapp.plugin.http.JsonRequests;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The token API of stories ({@code /api/v1/stories…}): the same operations as the {@code urn:chatapp:stories:0}
 * IQs, for the bearer of a user token. Refusals are JSON problems with the status {@link StoryException.Problem}
 * gives. See docs/http-api.md.
 */
public final class StoryRoutes {

    private static final String BASE = "/api/v1/stories";

    private final StoryService stories;
    private final TokenService tokens;
    private final JsonRequests json;

    public StoryRoutes(StoryService stories, TokenService tokens, JsonRequests json) {
        this.stories = stories;
        this.tokens = tokens;
        this.json = json;
    }

    /** A route's work once the caller is known. */
    @FunctionalInterface
    private interface StoryHandler {
        HttpResponse handle(HttpExchange exchange, String caller) throws Exception;
    }

    public void register(HttpApiServer http) {
        http.route("POST", BASE, route(this::post));
        http.route("GET", BASE + "/feed", route((exchange, caller) -> HttpResponse.json(200,
                Map.of("contacts", stories.feed(caller).stream().map(StoryJson::feedEntry).toList()))));
        http.route("GET", BASE + "/users/{jid}", route((exchange, caller) -> HttpResponse.json(200,
                Map.of("stories", stories.fetch(caller, HttpApiServer.pathParameter(exchange, "jid")).stream()
                        .map(StoryJson::story).toList()))));
        http.route("POST", BASE + "/{id}/view", route((exchange, caller) -> {
            stories.view(caller, HttpApiServer.pathParameter(exchange, "id"));
            return HttpResponse.empty(204);
        }));
        http.route("GET", BASE + "/{id}/viewers", route((exchange, caller) -> HttpResponse.json(200,
                Map.of("viewers", stories.viewers(caller, HttpApiServer.pathParameter(exchange, "id")).stream()
                        .map(StoryJson::viewer).toList()))));
        http.route("DELETE", BASE + "/{id}", route((exchange, caller) -> {
            stories.delete(caller, HttpApiServer.pathParameter(exchange, "id"));
            return HttpResponse.empty(204);
        }));
        http.route("GET", BASE + "/privacy", route((exchange, caller) -> HttpResponse.json(200,
                StoryJson.preferences(stories.preferences(caller)))));
        http.route("PUT", BASE + "/privacy", route(this::setPrivacy));
        http.route("PUT", BASE + "/mutes/{jid}", route((exchange, caller) -> {
            stories.mute(caller, HttpApiServer.pathParameter(exchange, "jid"), true);
            return HttpResponse.empty(204);
        }));
        http.route("DELETE", BASE + "/mutes/{jid}", route((exchange, caller) -> {
            stories.mute(caller, HttpApiServer.pathParameter(exchange, "jid"), false);
            return HttpResponse.empty(204);
        }));
    }

    private ProtectedRoute route(StoryHandler handler) {
        return new ProtectedRoute(tokens, "user", (exchange, caller) -> {
            try {
                return handler.handle(exchange, caller.subject());
            } catch (StoryException e) {
                throw new HttpProblem(e.problem().httpStatus(), e.problem().code(), e.getMessage());
            }
        });
    }

    private HttpResponse post(HttpExchange exchange, String caller) throws Exception {
        JsonNode body = json.object(exchange);
        PostRequest request = new PostRequest(JsonRequests.optionalText(body, "text"),
                JsonRequests.optionalText(body, "color"), JsonRequests.optionalText(body, "font"),
                JsonRequests.optionalText(body, "mediaUrl"), JsonRequests.optionalText(body, "caption"));
        return HttpResponse.json(201, StoryJson.story(stories.post(caller, request)));
    }

    private HttpResponse setPrivacy(HttpExchange exchange, String caller) throws Exception {
        JsonNode body = json.object(exchange);
        String audience = JsonRequests.optionalText(body, "audience");
        if (audience != null) {
            AudienceMode mode = AudienceMode.of(audience).orElseThrow(() -> new HttpProblem(400, "bad_request",
                    "audience must be contacts, except or only"));
            List<String> members = new ArrayList<>();
            JsonNode listed = body.get("members");
            if (listed != null && !listed.isNull()) {
                if (!listed.isArray()) {
                    throw new HttpProblem(400, "bad_request", "members must be an array of JIDs");
                }
                listed.forEach(member -> members.add(member.asText()));
            }
            stories.setAudience(caller, mode, members);
        }
        JsonNode receipts = body.get("readReceipts");
        if (receipts != null && !receipts.isNull()) {
            if (!receipts.isBoolean()) {
                throw new HttpProblem(400, "bad_request", "readReceipts must be true or false");
            }
            stories.setReadReceipts(caller, receipts.asBoolean());
        }
        return HttpResponse.json(200, StoryJson.preferences(stories.preferences(caller)));
    }

    /** The JSON shapes of the routes. */
    static final class StoryJson {

        private StoryJson() {
        }

        static Map<String, Object> story(PostedStory posted) {
            Story story = posted.story();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", story.id());
            body.put("owner", story.owner());
            body.put("kind", story.kind().value());
            body.put("postedAt", story.postedAt().toString());
            body.put("expiresAt", story.expiresAt().toString());
            if (story.kind() == StoryKind.TEXT) {
                body.put("text", story.body());
                body.put("color", story.color());
                body.put("font", story.font());
            } else {
                body.put("caption", story.body());
                if (posted.media() != null) {
                    Map<String, Object> media = new LinkedHashMap<>();
                    media.put("url", posted.mediaUrl());
                    media.put("mediaType", posted.media().mediaType());
                    media.put("size", posted.media().size());
                    media.put("name", posted.media().fileName());
                    body.put("media", media);
                }
            }
            body.put("seen", posted.seen());
            if (posted.viewCount() != null) {
                body.put("views", posted.viewCount());
            }
            return body;
        }

        static Map<String, Object> feedEntry(FeedEntry entry) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("jid", entry.owner());
            body.put("stories", entry.stories());
            body.put("unseen", entry.unseen());
            body.put("latest", entry.latest().toString());
            body.put("muted", entry.muted());
            return body;
        }

        static Map<String, Object> viewer(StoryViewer viewer) {
            return Map.of("jid", viewer.jid(), "viewedAt", viewer.viewedAt().toString());
        }

        static Map<String, Object> preferences(StoryPreferences preferences) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("audience", preferences.audience().mode().value());
            body.put("members", preferences.audience().members().stream().sorted().toList());
            body.put("readReceipts", preferences.readReceipts());
            return body;
        }
    }
}
