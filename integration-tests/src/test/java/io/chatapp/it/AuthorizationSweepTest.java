package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15's authorisation sweep: Alice owns a story, a file, a call in her log, a group with a message, a one-to-one
 * message and push/notification settings; Mallory, a user of the same server who is none of her contacts and in none
 * of her chats, calls every HTTP route and every custom IQ about them. Each gets its refusal (HTTP 401/403/404 with a
 * JSON error; {@code forbidden}, {@code item-not-found} and the like) or, for a route that only ever acts on the
 * caller, an answer about Mallory's own things; nothing of Alice's shows in any answer, and afterwards all of it is
 * unchanged. The HTTP routes come from the running plugin's route table and the IQ namespaces from its IQ handlers and
 * from the interceptors that take IQ requests (at a group room, on their way to Openfire's handlers), so a route, a
 * handler or an intercepted request added without a case here fails the sweep.
 */
@ExtendWith(ChatServerExtension.class)
class AuthorizationSweepTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern PUT = Pattern.compile("<put url='([^']+)'");
    private static final Pattern GET = Pattern.compile("<get url='([^']+)'");
    /** IQ handlers with nothing of another user's to ask about, and why. */
    private static final Map<String, String> NOT_ABOUT_ANOTHER_USER = Map.of(
            "urn:xmpp:extdisco:2", "the TURN/STUN services and credentials are the caller's own, for her own calls");
    /** Every text of Alice's things contains this; no answer to Mallory may. */
    private static final String SECRET = "alice-secret";

    /** One probe of the table: what Mallory does, and what it must get. */
    @FunctionalInterface
    private interface Probe {
        void run() throws Exception;
    }

    @Test
    void noOneButTheOwnerSeesOrChangesAThing(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        TestUser mallory = users.create("mallory");
        PluginApi api = new PluginApi(server);
        PluginApi.Answer aliceLogin = api.token(alice.username(), alice.password());
        String aliceToken = aliceLogin.text("access_token");
        String aliceRefresh = aliceLogin.text("refresh_token");
        String malloryToken = api.token(mallory.username(), mallory.password()).text("access_token");
        String story = api.post("/api/v1/stories", aliceToken, PluginApi.json("text", SECRET + " story")).text("id");

        try (RawXmpp a = RawXmpp.login(server, alice, "phone");
             RawXmpp b = RawXmpp.login(server, bob);
             RawXmpp m = RawXmpp.login(server, mallory, "laptop")) {
            String[] file = upload(a, server);
            String fileId = file[1].replaceAll(".*/media/v1/files/([^/]+)/.*", "$1");
            a.message(bob.jid(), "chat", null, "<propose xmlns='urn:xmpp:jingle-message:0' id='authz-call'>"
                    + "<description xmlns='urn:xmpp:jingle:apps:rtp:1' media='audio'/></propose>");
            a.message(bob.jid(), "chat", SECRET + " direct", null);
            String direct = ArchiveProtocolTest.stanzaId(b.nextMessage(xml -> xml.contains(SECRET + " direct")),
                    bob.jid());
            String room = GroupsProtocolTest.create(server, a, SECRET + " group");
            GroupsProtocolTest.affiliate(a, room, bob, "member");
            a.message(room, "groupchat", SECRET + " group message", null);
            String groupMessage = ArchiveProtocolTest.stanzaId(a.nextMessage(xml -> xml.contains(SECRET
                    + " group message")), room);
            assertThat(a.iq("set", null, "<enable xmlns='urn:xmpp:push:0' jid='push." + server.domain()
                    + "' node='alice-node'/>")).contains("type='result'");
            NothingLostTest.awaitUntil(Duration.ofSeconds(10), () -> callsOf(api, aliceToken).contains("authz-call"));

            Map<String, Probe> routes = httpProbes(api, alice, mallory, malloryToken, story, fileId);
            List<String> table = routeTable(server);
            assertThat(routes.keySet()).as("a case for every HTTP route, and no case for a route that is gone")
                    .containsExactlyInAnyOrderElementsOf(table);
            for (String route : table) {
                try {
                    routes.get(route).run();
                } catch (AssertionError | Exception e) {
                    throw new AssertionError(route + ": " + e.getMessage(), e);
                }
            }
            List<IqProbe> iqProbes = iqProbes(alice, server, room, story, direct, groupMessage);
            assertThat(iqHandlerNamespaces(server)).as("an IQ case (or a reason for none) for every IQ handler of"
                    + " the plugin").allMatch(namespace -> NOT_ABOUT_ANOTHER_USER.containsKey(namespace)
                    || iqProbes.stream().anyMatch(probe -> probe.payload.contains("xmlns='" + namespace + "'")));
            assertThat(interceptedIqNamespaces(server)).as("an IQ case for every IQ request the plugin intercepts")
                    .isNotEmpty().allMatch(namespace -> iqProbes.stream()
                            .anyMatch(probe -> probe.payload.contains("xmlns='" + namespace + "'")));
            for (IqProbe probe : iqProbes) {
                String answer = m.iq(probe.type, probe.to, probe.payload);
                assertThat(answer).as(probe.name).contains("type='error'").doesNotContain(SECRET + " ");
                assertThat(probe.conditions).as(probe.name + ": " + answer).anyMatch(answer::contains);
            }
            assertThat(m.iq("get", null, "<stories xmlns='urn:chatapp:stories:0' owner='" + alice.jid() + "'/>"))
                    .as("Alice's stories, to a stranger").contains("type='result'").doesNotContain(SECRET);
            assertThat(m.iq("set", null, "<query xmlns='urn:xmpp:mam:2'><x xmlns='jabber:x:data' type='submit'>"
                    + "<field var='FORM_TYPE'><value>urn:xmpp:mam:2</value></field><field var='with'><value>"
                    + alice.jid() + "</value></field></x></query>")).contains("type='result'");
            assertThat(m.messagesWithin(Duration.ofMillis(500))).as("nothing of Alice's reached Mallory")
                    .noneMatch(xml -> xml.contains(SECRET));

            // Nothing changed: every one of Alice's things is as it was.
            assertThat(api.get("/api/v1/me", aliceToken).status()).as("Alice's token").isEqualTo(200);
            assertThat(api.refresh(aliceRefresh).status()).as("Alice's refresh token").isEqualTo(200);
            assertThat(api.token(alice.username(), alice.password()).status()).as("Alice's password").isEqualTo(200);
            assertThat(api.get("/api/v1/stories/users/" + alice.jid(), aliceToken).body().toString())
                    .as("Alice's story").contains(story);
            assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(file[1])).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body()).as("Alice's file").contains(SECRET);
            assertThat(callsOf(api, aliceToken)).as("Alice's call log").contains("authz-call");
            assertThat(a.iq("get", null, "<groups xmlns='urn:chatapp:groups:0'/>")).as("Alice's group")
                    .contains(room).contains(SECRET + " group");
            assertThat(GroupRemovalProtocolTest.history(a, room, "authz")).as("the group's message")
                    .contains(SECRET + " group message").doesNotContain("retracted");
            try (Clients library = new Clients(server)) {
                assertThat(ArchiveView.bodies(library.loggedIn(alice), bob.jid())).as("Alice's one-to-one archive")
                        .contains(SECRET + " direct");
            }
            assertThat(server.userExists(alice.username())).isTrue();
        }
    }

    private static Map<String, Probe> httpProbes(PluginApi api, TestUser alice, TestUser malloryUser,
                                                 String mallory, String story, String fileId) {
        String user = "/api/v1/admin/users/" + alice.username();
        Map<String, Probe> probes = new LinkedHashMap<>();
        probes.put("GET /health", () -> assertThat(api.get("/health", null).body().toString())
                .doesNotContain("password").doesNotContain("jdbc"));
        probes.put("GET /.well-known/jwks.json", () -> assertThat(api.get("/.well-known/jwks.json", null).body()
                .findValues("d")).as("no private key part").isEmpty());
        probes.put("POST /api/v1/accounts", () -> refused(api.register(alice.username(), "taken-over-password-1"),
                400, 409));
        probes.put("POST /api/v1/auth/token", () -> refused(api.token(alice.username(), "not-her-password-1"), 401));
        probes.put("POST /api/v1/auth/refresh", () -> refused(api.refresh(mallory), 401));
        // A logout ends the caller's own session (on a second login of Mallory's, so her token stays good here).
        probes.put("POST /api/v1/auth/logout", () -> assertThat(api.post("/api/v1/auth/logout",
                api.token(malloryUser.username(), malloryUser.password()).text("access_token"),
                PluginApi.json("refresh_token", "made-up")).status()).isLessThan(500));
        probes.put("GET /api/v1/me", () -> assertThat(api.get("/api/v1/me", mallory).body().toString())
                .doesNotContain(alice.username()));
        probes.put("POST /api/v1/me/password", () -> refused(api.post("/api/v1/me/password", null,
                PluginApi.json("username", alice.username(), "password", "new-password-12")), 401));
        probes.put("DELETE /api/v1/me", () -> refused(api.delete("/api/v1/me", null,
                PluginApi.json("username", alice.username())), 401));
        probes.put("POST /api/v1/auth/logout-all", () -> assertThat(api.post("/api/v1/auth/logout-all", null,
                PluginApi.json("username", alice.username())).status()).isEqualTo(401));
        probes.put("GET /api/v1/admin/users", () -> refused(api.get("/api/v1/admin/users", mallory), 403));
        probes.put("GET /api/v1/admin/users/{username}", () -> refused(api.get(user, mallory), 403));
        probes.put("DELETE /api/v1/admin/users/{username}", () -> refused(api.delete(user, mallory, null), 403));
        for (String action : List.of("disable", "enable", "logout")) {
            probes.put("POST /api/v1/admin/users/{username}/" + action,
                    () -> refused(api.post(user + "/" + action, mallory, null), 403));
        }
        String stories = "/api/v1/stories";
        probes.put("POST " + stories, () -> assertThat(api.post(stories, mallory, PluginApi.json("text", "mine"))
                .body().toString()).doesNotContain(alice.username()));
        probes.put("GET " + stories + "/feed", () -> noSecret(api.get(stories + "/feed", mallory)));
        probes.put("GET " + stories + "/users/{jid}", () -> noSecret(api.get(stories + "/users/" + alice.jid(),
                mallory)));
        probes.put("POST " + stories + "/{id}/view", () -> refused(api.post(stories + "/" + story + "/view",
                mallory, null), 403, 404));
        probes.put("GET " + stories + "/{id}/viewers", () -> refused(api.get(stories + "/" + story + "/viewers",
                mallory), 403, 404));
        probes.put("DELETE " + stories + "/{id}", () -> refused(api.delete(stories + "/" + story, mallory, null),
                403, 404));
        probes.put("GET " + stories + "/privacy", () -> noSecret(api.get(stories + "/privacy", mallory)));
        probes.put("PUT " + stories + "/privacy", () -> refused(api.call("PUT", stories + "/privacy", null,
                PluginApi.json("audience", "only")), 401));
        probes.put("PUT " + stories + "/mutes/{jid}", () -> refused(api.call("PUT", stories + "/mutes/"
                + alice.jid(), null, null), 401));
        probes.put("DELETE " + stories + "/mutes/{jid}", () -> refused(api.delete(stories + "/mutes/"
                + alice.jid(), null, null), 401));
        probes.put("GET /api/v1/calls", () -> assertThat(callsOf(api, mallory)).doesNotContain("authz-call"));
        probes.put("POST /api/v1/calls/missed/seen", () -> refused(api.post("/api/v1/calls/missed/seen", null,
                null), 401));
        probes.put("PUT /media/v1/upload/{slotId}", () -> refused(api.call("PUT", "/media/v1/upload/" + fileId,
                null, PluginApi.json()), 403, 404));
        probes.put("OPTIONS /media/v1/upload/{slotId}", () -> assertThat(api.call("OPTIONS", "/media/v1/upload/"
                + fileId, null, null).status()).isLessThan(300));
        for (String path : List.of("/media/v1/files/", "/media/v1/thumbs/")) {
            probes.put("GET " + path + "{fileId}/{name}", () -> refused(api.get(path + fileId + "/x.txt", null),
                    403, 404));
            probes.put("HEAD " + path + "{fileId}/{name}", () -> assertThat(api.call("HEAD", path + fileId
                    + "/x.txt", null, null).status()).isIn(403, 404));
        }
        probes.put("POST /api/v1/media/{fileId}/url", () -> refused(api.post("/api/v1/media/" + fileId + "/url",
                mallory, null), 403, 404));
        probes.put("DELETE /api/v1/media/{fileId}", () -> refused(api.delete("/api/v1/media/" + fileId, mallory,
                null), 403, 404));
        return probes;
    }

    /** A request Mallory sends about Alice's things, and the error conditions it may get. */
    private record IqProbe(String name, String type, String to, String payload, List<String> conditions) {
    }

    private static List<IqProbe> iqProbes(TestUser alice, DevServer server, String room, String story,
                                          String direct, String groupMessage) {
        List<String> refusal = List.of("forbidden", "item-not-found", "not-allowed", "bad-request",
                "registration-required");
        List<IqProbe> probes = new ArrayList<>();
        for (String[] request : new String[][] {
                {"her call log", "get", "<calls xmlns='urn:chatapp:calls:0'/>"},
                {"her missed calls seen", "set", "<seen xmlns='urn:chatapp:calls:0'/>"},
                {"her notification settings", "get", "<notifications xmlns='urn:chatapp:notifications:0'/>"},
                {"her notification settings changed", "set", "<notifications xmlns='urn:chatapp:notifications:0'"
                        + " previews='false'/>"},
                {"push for her device", "set", "<enable xmlns='urn:xmpp:push:0' jid='push." + server.domain()
                        + "' node='mallory-node'/>"},
                {"push off for her device", "set", "<disable xmlns='urn:xmpp:push:0' jid='push." + server.domain()
                        + "'/>"},
                {"her stories' privacy", "get", "<privacy xmlns='urn:chatapp:stories:0'/>"},
                {"her last seen setting", "set", "<last-seen xmlns='urn:chatapp:last-seen:0' visibility='nobody'/>"},
                {"her archive", "set", "<query xmlns='urn:xmpp:mam:2'/>"}}) {
            probes.add(new IqProbe(request[0] + " (addressed to her)", request[1], alice.jid(), request[2],
                    refusal));
        }
        probes.add(new IqProbe("delete her story", "set", null, "<delete xmlns='urn:chatapp:stories:0' id='"
                + story + "'/>", refusal));
        probes.add(new IqProbe("her story's viewers", "get", null, "<viewers xmlns='urn:chatapp:stories:0' id='"
                + story + "'/>", refusal));
        probes.add(new IqProbe("view her story", "set", null, "<view xmlns='urn:chatapp:stories:0' id='" + story
                + "'/>", refusal));
        probes.add(new IqProbe("hide her message", "set", null, "<hide xmlns='urn:chatapp:archive:0' id='" + direct
                + "'/>", refusal));
        probes.add(new IqProbe("her message's info", "get", null, "<info xmlns='urn:chatapp:receipts:0' id='"
                + direct + "'/>", refusal));
        // The groups' own requests go to the server (GroupIqHandler), naming the room.
        probes.add(new IqProbe("her group's settings", "set", null, "<settings xmlns='urn:chatapp:groups:0' room='"
                + room + "' announce='true'/>", refusal));
        probes.add(new IqProbe("her group's name", "set", null, "<info xmlns='urn:chatapp:groups:0' room='"
                + room + "' name='mallory was here'/>", refusal));
        probes.add(new IqProbe("leave her group", "set", null, "<leave xmlns='urn:chatapp:groups:0' room='"
                + room + "'/>", refusal));
        probes.add(new IqProbe("moderate her group's message", "set", room, "<moderate"
                + " xmlns='urn:xmpp:message-moderate:1' id='" + groupMessage + "'><retract"
                + " xmlns='urn:xmpp:message-retract:1'/></moderate>", refusal));
        probes.add(new IqProbe("hide her group's message", "set", room, "<hide xmlns='urn:chatapp:archive:0' id='"
                + groupMessage + "'/>", refusal));
        probes.add(new IqProbe("her group's archive", "set", room, "<query xmlns='urn:xmpp:mam:2'/>", refusal));
        probes.add(new IqProbe("her group's members", "get", room, "<query"
                + " xmlns='http://jabber.org/protocol/muc#admin'><item affiliation='member'/></query>", refusal));
        probes.add(new IqProbe("join her group as a member", "set", room, "<query"
                + " xmlns='http://jabber.org/protocol/muc#admin'><item affiliation='member' jid='mallory@"
                + server.domain() + "'/></query>", refusal));
        probes.add(new IqProbe("her group's configuration", "get", room, "<query"
                + " xmlns='http://jabber.org/protocol/muc#owner'/>", refusal));
        probes.add(new IqProbe("moderate her group's message (XEP-0425 v0)", "set", room, "<apply-to"
                + " xmlns='urn:xmpp:fasten:0' id='" + groupMessage + "'><moderate xmlns='urn:xmpp:message-moderate:0'>"
                + "<retract xmlns='urn:xmpp:message-retract:0'/></moderate></apply-to>", refusal));
        probes.add(new IqProbe("her group message's info", "get", room, "<info xmlns='urn:chatapp:receipts:0' id='"
                + groupMessage + "'/>", refusal));
        probes.add(new IqProbe("her group's image", "set", room, "<vCard xmlns='vcard-temp'><PHOTO><TYPE>image/png"
                + "</TYPE><BINVAL>iVBORw0KGgo=</BINVAL></PHOTO></vCard>", refusal));
        probes.add(new IqProbe("her last activity", "get", alice.jid(), "<query xmlns='jabber:iq:last'/>", refusal));
        // Openfire takes another user's name in a password change for a registration of a taken name: conflict.
        probes.add(new IqProbe("her password, naming her", "set", null, "<query xmlns='jabber:iq:register'>"
                + "<username>" + alice.username() + "</username><password>taken-over-password-1</password></query>",
                List.of("conflict", "not-authorized", "forbidden")));
        return probes;
    }

    /**
     * The namespaces of the running plugin's IQ handlers (read by reflection, as the route table below), so that a new
     * handler without a case fails the sweep.
     */
    static List<String> iqHandlerNamespaces(DevServer server) throws Exception {
        return pluginList(server, "iqNamespaces");
    }

    /**
     * The namespaces of the IQ requests the running plugin's interceptors take rather than handle (MAM, the group
     * requests addressed to a room, in-band registration, last activity), so that a new one without a case fails.
     */
    static List<String> interceptedIqNamespaces(DevServer server) throws Exception {
        return pluginList(server, "interceptedIqNamespaces");
    }

    /** The running plugin's route table. */
    private static List<String> routeTable(DevServer server) throws Exception {
        return pluginList(server, "httpRoutes");
    }

    /** A list the running plugin reports (it lives in Openfire's plugin class loader: read by reflection). */
    @SuppressWarnings("unchecked")
    private static List<String> pluginList(DevServer server, String method) throws Exception {
        Object plugin = server.chatAppPlugin();
        return (List<String>) plugin.getClass().getMethod(method).invoke(plugin);
    }

    /** Alice's file: {put URL, get URL} of a text file holding the secret. */
    private static String[] upload(RawXmpp alice, DevServer server) throws Exception {
        byte[] content = (SECRET + " file").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String answer = alice.iq("get", "upload." + server.domain(), "<request xmlns='urn:xmpp:http:upload:0'"
                + " filename='secret.txt' size='" + content.length + "' content-type='text/plain'/>");
        Matcher put = PUT.matcher(answer);
        Matcher get = GET.matcher(answer);
        assertThat(put.find() && get.find()).as(answer).isTrue();
        String putUrl = put.group(1).replace("&amp;", "&");
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(putUrl)).header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(201);
        return new String[] {putUrl, get.group(1).replace("&amp;", "&")};
    }

    private static String callsOf(PluginApi api, String token) {
        try {
            return api.get("/api/v1/calls", token).body().toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A refusal: one of the statuses, a JSON error, and nothing of Alice's in it. */
    private static void refused(PluginApi.Answer answer, int... statuses) {
        assertThat(answer.status()).as("%s", answer).isIn(java.util.Arrays.stream(statuses).boxed().toArray());
        assertThat(answer.text("error")).as("%s", answer).isNotBlank();
        noSecret(answer);
    }

    private static void noSecret(PluginApi.Answer answer) {
        assertThat(answer.status()).as("%s", answer).isLessThan(500);
        assertThat(answer.body().toString()).as("%s", answer).doesNotContain(SECRET);
    }
}
