package io.chatapp.it;

import static io.chatapp.it.MutualContacts.befriend;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The stories' token API (/api/v1/stories…): the same operations and rules as the XMPP namespace. */
@ExtendWith(ChatServerExtension.class)
class StoriesHttpTest {

    @Test
    void everyOperationWorksWithATokenAndRefusalsAreAlike(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        TestUser mallory = users.create("mallory");
        try (Clients clients = new Clients(server)) {
            befriend(clients.loggedIn(alice), alice, clients.loggedIn(bob), bob);
        }
        PluginApi api = new PluginApi(server);
        String aliceToken = token(api, alice);
        String bobToken = token(api, bob);
        String malloryToken = token(api, mallory);

        PluginApi.Answer posted = api.post("/api/v1/stories", aliceToken,
                PluginApi.json("text", "via http", "color", "#AABBCC"));
        assertThat(posted.status()).as("%s", posted).isEqualTo(201);
        String id = posted.text("id");
        assertThat(posted.text("color")).isEqualTo("#aabbcc");
        assertThat(posted.body().get("views").asInt()).isZero();

        JsonNode feed = api.get("/api/v1/stories/feed", bobToken).body().get("contacts");
        assertThat(feed.get(0).get("jid").asText()).isEqualTo(alice.jid());
        assertThat(feed.get(0).get("unseen").asInt()).isEqualTo(1);
        JsonNode stories = api.get("/api/v1/stories/users/" + alice.jid(), bobToken).body().get("stories");
        assertThat(stories.get(0).get("text").asText()).isEqualTo("via http");
        assertThat(stories.get(0).has("views")).isFalse();
        assertThat(api.post("/api/v1/stories/" + id + "/view", bobToken, null).status()).isEqualTo(204);
        JsonNode viewers = api.get("/api/v1/stories/" + id + "/viewers", aliceToken).body().get("viewers");
        assertThat(viewers.get(0).get("jid").asText()).isEqualTo(bob.jid());

        PluginApi.Answer outside = api.post("/api/v1/stories/" + id + "/view", malloryToken, null);
        PluginApi.Answer unknown = api.post("/api/v1/stories/" + "0".repeat(32) + "/view", malloryToken, null);
        assertThat(outside.status()).isEqualTo(404);
        assertThat(outside.body()).isEqualTo(unknown.body());
        assertThat(api.get("/api/v1/stories/users/" + alice.jid(), malloryToken).body().get("stories")).isEmpty();
        assertThat(api.get("/api/v1/stories/" + id + "/viewers", bobToken).status()).isEqualTo(404);
        PluginApi.Answer tooLong = api.post("/api/v1/stories", aliceToken, PluginApi.json("text", "x".repeat(701)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text("error")).isEqualTo("text_too_long");
        assertThat(api.get("/api/v1/stories/feed", null).status()).isEqualTo(401);

        ObjectNode only = PluginApi.json("audience", "only");
        only.putArray("members").add(bob.jid());
        PluginApi.Answer privacy = api.call("PUT", "/api/v1/stories/privacy", aliceToken, only);
        assertThat(privacy.status()).isEqualTo(200);
        assertThat(privacy.text("audience")).isEqualTo("only");
        assertThat(privacy.body().get("members").get(0).asText()).isEqualTo(bob.jid());
        assertThat(api.call("PUT", "/api/v1/stories/mutes/" + alice.jid(), bobToken, null).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/stories/feed", bobToken).body().get("contacts").get(0).get("muted").asBoolean())
                .isTrue();

        assertThat(api.delete("/api/v1/stories/" + id, bobToken, null).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/stories/" + id, aliceToken, null).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/stories/users/" + alice.jid(), bobToken).body().get("stories")).isEmpty();
    }

    private static String token(PluginApi api, TestUser user) throws Exception {
        PluginApi.Answer answer = api.token(user.username(), user.password());
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.text("access_token");
    }
}
