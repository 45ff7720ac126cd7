package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chatapp.client.CallLogEntry;
import io.chatapp.client.CallLogPage;
import io.chatapp.client.ChatClient;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.OpenfireTarget;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The call log the server keeps from the XEP-0353 messages standard clients exchange (raw Smack connections sending
 * what Conversations sends): each outcome exact on both sides, a missed call seen on the next login, the log private
 * to its owner, malformed requests refused, an answered call ended by a finish sent after a plugin restart. (~15 s:
 * one server; the restart adds ~3 s.)
 */
@ExtendWith(ChatServerExtension.class)
class CallLogProtocolTest {

    private static final String JMI = "urn:xmpp:jingle-message:0";
    private static final String QUERY = "<calls xmlns='urn:chatapp:calls:0'/>";

    @Test
    void everyOutcomeIsLoggedForBothPartiesAndAMissedCallAwaitsTheCallee(DevServer server, TestUsers users)
            throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (RawXmpp a = RawXmpp.login(server, alice)) {
            String aliceFull = a.connection().getUser().toString();
            try (RawXmpp b = RawXmpp.login(server, bob)) {
                String bobFull = b.connection().getUser().toString();
                // Answered: propose (bare JID), ringing and proceed (to the caller's full JID), finish.
                a.message(bob.jid(), "chat", null, propose("call-answered", "audio"));
                b.nextMessage(xml -> xml.contains("call-answered"));
                b.message(aliceFull, "chat", null, signal("ringing", "call-answered", null));
                b.message(aliceFull, "chat", null, signal("proceed", "call-answered", null));
                a.nextMessage(xml -> xml.contains("<proceed"));
                Thread.sleep(1_100);
                a.message(bobFull, "chat", null, signal("finish", "call-answered", "success"));
                b.nextMessage(xml -> xml.contains("<finish"));

                // Rejected (a video call), then busy.
                a.message(bob.jid(), "chat", null, propose("call-rejected", "video"));
                b.nextMessage(xml -> xml.contains("call-rejected"));
                b.message(aliceFull, "chat", null, signal("reject", "call-rejected", "decline"));
                a.nextMessage(xml -> xml.contains("<reject"));
                a.message(bob.jid(), "chat", null, propose("call-busy", "audio"));
                b.nextMessage(xml -> xml.contains("call-busy"));
                b.message(aliceFull, "chat", null, signal("reject", "call-busy", "busy"));
                a.nextMessage(xml -> xml.contains("call-busy"));

                // Cancelled by the caller while bob is online: missed for him.
                a.message(bob.jid(), "chat", null, propose("call-cancelled", "audio"));
                b.nextMessage(xml -> xml.contains("call-cancelled"));
                a.message(bob.jid(), "chat", null, signal("retract", "call-cancelled", "cancel"));
                b.nextMessage(xml -> xml.contains("<retract"));
                b.goOffline();
            }
            // Bob offline: a call proposed and retracted reaches only his offline storage.
            a.message(bob.jid(), "chat", null, propose("call-offline", "video"));
            a.message(bob.jid(), "chat", null, signal("retract", "call-offline", "cancel"));

            List<Map<String, String>> aliceLog = calls(a.iq("get", null, QUERY));
            assertThat(aliceLog).extracting(c -> c.get("sid") + " " + c.get("direction") + " " + c.get("peer") + " "
                    + c.get("media") + " " + c.get("outcome")).containsExactly(
                    "call-offline outgoing " + bob.jid() + " video cancelled",
                    "call-cancelled outgoing " + bob.jid() + " audio cancelled",
                    "call-busy outgoing " + bob.jid() + " audio busy",
                    "call-rejected outgoing " + bob.jid() + " video rejected",
                    "call-answered outgoing " + bob.jid() + " audio answered");
            Map<String, String> answered = aliceLog.get(4);
            Duration duration = Duration.between(Instant.parse(answered.get("answered")),
                    Instant.parse(answered.get("ended")));
            assertThat(duration).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(answered.get("duration")).isEqualTo(Long.toString(duration.toSeconds()));
            assertThat(aliceLog).allSatisfy(c -> assertThat(c).doesNotContainKey("unseen"));
            assertThat(aliceLog.get(0)).doesNotContainKey("answered");

            try (RawXmpp b = RawXmpp.login(server, bob)) {
                String answer = b.iq("get", null, QUERY);
                assertThat(answer).contains("unseen-missed='2'");
                List<Map<String, String>> bobLog = calls(answer);
                assertThat(bobLog).extracting(c -> c.get("sid") + " " + c.get("direction") + " " + c.get("peer")
                        + " " + c.get("outcome") + " " + c.get("unseen")).containsExactly(
                        "call-offline incoming " + alice.jid() + " missed true",
                        "call-cancelled incoming " + alice.jid() + " missed true",
                        "call-busy incoming " + alice.jid() + " busy null",
                        "call-rejected incoming " + alice.jid() + " rejected null",
                        "call-answered incoming " + alice.jid() + " answered null");
                // Both sides see the same times.
                for (int i = 0; i < aliceLog.size(); i++) {
                    for (String shared : List.of("id", "proposed", "answered", "ended", "duration", "media")) {
                        assertThat(bobLog.get(i).get(shared)).as(shared).isEqualTo(aliceLog.get(i).get(shared));
                    }
                }

                assertThat(b.iq("set", null, "<seen xmlns='urn:chatapp:calls:0'/>")).contains("type='result'");
                String afterSeen = b.iq("get", null, QUERY);
                assertThat(afterSeen).contains("unseen-missed='0'").doesNotContain("unseen=");

                // Paging, newest first: two, then the rest after the last id.
                String first = b.iq("get", null, "<calls xmlns='urn:chatapp:calls:0'><set"
                        + " xmlns='http://jabber.org/protocol/rsm'><max>2</max></set></calls>");
                assertThat(calls(first)).extracting(c -> c.get("sid")).containsExactly("call-offline",
                        "call-cancelled");
                assertThat(first).contains("more='true'");
                String last = calls(first).get(1).get("id");
                String second = b.iq("get", null, "<calls xmlns='urn:chatapp:calls:0'><set"
                        + " xmlns='http://jabber.org/protocol/rsm'><max>10</max><after>" + last
                        + "</after></set></calls>");
                assertThat(calls(second)).extracting(c -> c.get("sid")).containsExactly("call-busy", "call-rejected",
                        "call-answered");
                assertThat(second).contains("more='false'");
            }
        }
    }

    @Test
    void theLogIsItsOwnersAndMalformedRequestsAreRefused(DevServer server, TestUsers users) throws Exception {
        TestUser carol = users.create("carol");
        TestUser dave = users.create("dave");
        TestUser mallory = users.create("mallory");
        try (RawXmpp c = RawXmpp.login(server, carol); RawXmpp d = RawXmpp.login(server, dave);
             RawXmpp m = RawXmpp.login(server, mallory)) {
            c.message(dave.jid(), "chat", null, propose("private-call", "audio"));
            d.nextMessage(xml -> xml.contains("private-call"));
            // A third party's signals about the call change nothing.
            m.message(carol.jid(), "chat", null, signal("proceed", "private-call", null));
            c.nextMessage(xml -> xml.contains("<proceed"));
            assertThat(calls(c.iq("get", null, QUERY))).extracting(x -> x.get("outcome")).containsExactly("ringing");

            assertThat(m.iq("get", carol.jid(), QUERY)).contains("forbidden");
            assertThat(calls(m.iq("get", null, QUERY))).isEmpty();

            assertThat(c.iq("get", null, "<calls xmlns='urn:chatapp:calls:0'><set"
                    + " xmlns='http://jabber.org/protocol/rsm'><max>many</max></set></calls>")).contains("bad-request");
            assertThat(c.iq("get", null, "<calls xmlns='urn:chatapp:calls:0'><set"
                    + " xmlns='http://jabber.org/protocol/rsm'><after>x1</after></set></calls>"))
                    .contains("bad-request");
            assertThat(c.iq("get", null, "<seen xmlns='urn:chatapp:calls:0'/>")).contains("bad-request");
            assertThat(c.iq("set", null, QUERY)).contains("bad-request");
            assertThat(c.iq("get", null, "<unknown xmlns='urn:chatapp:calls:0'/>")).contains("bad-request");
            // Garbage JMI (no id, unknown element) is routed and ignored.
            c.message(dave.jid(), "chat", null, "<propose xmlns='" + JMI + "'/>");
            c.message(dave.jid(), "chat", null, "<dance xmlns='" + JMI + "' id='x'/>");
            assertThat(calls(c.iq("get", null, QUERY))).hasSize(1);
        }
        PluginApi api = new PluginApi(server);
        PluginApi.Answer mine = api.get("/api/v1/calls", token(api, carol));
        assertThat(mine.status()).as("%s", mine).isEqualTo(200);
        assertThat(mine.body().get("calls").get(0).get("callId").asText()).isEqualTo("private-call");
        assertThat(mine.body().get("calls").get(0).get("peer").asText()).isEqualTo(dave.jid());
        assertThat(mine.body().get("calls").get(0).get("direction").asText()).isEqualTo("outgoing");
        assertThat(api.get("/api/v1/calls", token(api, mallory)).body().get("calls")).isEmpty();
        assertThat(api.get("/api/v1/calls", null).status()).isEqualTo(401);
        String daveToken = token(api, dave);
        assertThat(api.get("/api/v1/calls?max=-1", daveToken).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/calls?after=abc", daveToken).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/calls/missed/seen", daveToken, null).status()).isEqualTo(204);
    }

    /**
     * Issue 16: an answered call in progress when the plugin stops is followed again when it starts (the parties'
     * media never went through the server), so the finish they send afterwards ends it with its real end and duration
     * instead of leaving it ongoing forever. Openfire 4.2 only (an in-place plugin restart needs Openfire in-process).
     */
    @Test
    void anAnsweredCallAcrossAPluginRestartIsEndedByTheFinishSentAfterIt(DevServer server, TestUsers users)
            throws Exception {
        assumeTrue(server.target() == OpenfireTarget.OPENFIRE_4_2, "an in-place plugin restart needs Openfire 4.2");
        TestUser ivy = users.create("ivy");
        TestUser jack = users.create("jack");
        try (RawXmpp i = RawXmpp.login(server, ivy); RawXmpp j = RawXmpp.login(server, jack)) {
            String ivyFull = i.connection().getUser().toString();
            i.message(jack.jid(), "chat", null, propose("across-restart", "video"));
            j.nextMessage(xml -> xml.contains("across-restart"));
            j.message(ivyFull, "chat", null, signal("proceed", "across-restart", null));
            i.nextMessage(xml -> xml.contains("<proceed"));
            assertThat(calls(i.iq("get", null, QUERY)).get(0).get("outcome")).isEqualTo("ongoing");

            server.restartPluginInPlace();
            Instant restarted = Instant.now();
            assertThat(calls(j.iq("get", null, QUERY)).get(0).get("outcome")).as("still going on").isEqualTo("ongoing");
            j.message(ivyFull, "chat", null, signal("finish", "across-restart", "success"));
            i.nextMessage(xml -> xml.contains("<finish"));

            for (RawXmpp party : List.of(i, j)) {
                Map<String, String> call = calls(party.iq("get", null, QUERY)).get(0);
                assertThat(call.get("sid")).isEqualTo("across-restart");
                assertThat(call.get("outcome")).isEqualTo("answered");
                Instant answered = Instant.parse(call.get("answered"));
                Instant ended = Instant.parse(call.get("ended"));
                assertThat(answered).isBefore(restarted);
                assertThat(ended).as("the finish after the restart").isAfterOrEqualTo(restarted.minusSeconds(1));
                assertThat(call.get("duration")).isEqualTo(Long.toString(Duration.between(answered, ended)
                        .toSeconds()));
            }
        }
    }

    @Test
    void theLibrarysCallLogShowsACallMissedWhileOffline(DevServer server, TestUsers users) throws Exception {
        TestUser erin = users.create("erin");
        TestUser frank = users.create("frank");
        try (RawXmpp e = RawXmpp.login(server, erin)) {
            e.message(frank.jid(), "chat", null, propose("missed-offline", "video"));
            e.message(frank.jid(), "chat", null, signal("retract", "missed-offline", "cancel"));
            e.iq("get", null, "<ping xmlns='urn:xmpp:ping'/>");
        }
        try (Clients clients = new Clients(server)) {
            ChatClient client = clients.loggedIn(frank);
            CallLogPage page = client.callLog().page(10, null).get(10, TimeUnit.SECONDS);
            assertThat(page.unseenMissed()).isEqualTo(1);
            assertThat(page.more()).isFalse();
            CallLogEntry entry = page.entries().get(0);
            assertThat(entry.callId()).isEqualTo("missed-offline");
            assertThat(entry.direction()).isEqualTo(CallLogEntry.Direction.INCOMING);
            assertThat(entry.peer()).isEqualTo(erin.jid());
            assertThat(entry.video()).isTrue();
            assertThat(entry.outcome()).isEqualTo(CallLogEntry.Outcome.MISSED);
            assertThat(entry.unseen()).isTrue();
            assertThat(entry.answeredAt()).isNull();
            assertThat(entry.endedAt()).isNotNull();
            assertThat(entry.duration()).isZero();

            client.callLog().markMissedSeen().get(10, TimeUnit.SECONDS);
            assertThat(client.callLog().unseenMissedCount().get(10, TimeUnit.SECONDS)).isZero();
            assertThat(client.callLog().page(10, null).get(10, TimeUnit.SECONDS).entries().get(0).unseen())
                    .isFalse();
            assertThat(client.callLog().page(10, entry.id()).get(10, TimeUnit.SECONDS).entries()).isEmpty();
        }
    }

    @Test
    void theShellListsTheCallsMarksTheMissedOneAndThenMarksItSeen(DevServer server, TestUsers users,
                                                                 @TempDir Path home) throws Exception {
        TestUser gina = users.create("gina");
        TestUser hal = users.create("hal");
        try (RawXmpp g = RawXmpp.login(server, gina)) {
            g.message(hal.jid(), "chat", null, propose("cli-missed", "audio"));
            g.message(hal.jid(), "chat", null, signal("retract", "cli-missed", "cancel"));
            g.iq("get", null, "<ping xmlns='urn:xmpp:ping'/>");
        }
        Duration timeout = Duration.ofSeconds(60);
        Path config = home.resolve("hal");
        CliProcess.login(server, config, hal, timeout);
        CliProcess shell = CliProcess.interactive(config, null);
        shell.type("/calls");
        shell.awaitStdout("\u2190 " + gina.jid() + " audio missed", timeout);
        shell.awaitStdout("1 missed call not seen before; now marked seen.", timeout);
        shell.type("/quit");
        assertThat(shell.await(timeout)).as("stderr: %s", shell.stderr()).isZero();
        assertThat(shell.stdout()).contains("! ");
        try (RawXmpp h = RawXmpp.login(server, hal)) {
            assertThat(h.iq("get", null, QUERY)).contains("unseen-missed='0'");
        }
    }

    private static String propose(String id, String media) {
        return "<propose xmlns='" + JMI + "' id='" + id + "'><description xmlns='urn:xmpp:jingle:apps:rtp:1' media='"
                + media + "'/></propose><store xmlns='urn:xmpp:hints'/>";
    }

    private static String signal(String name, String id, String reason) {
        String body = reason == null ? "" : "<reason xmlns='urn:xmpp:jingle:1'><" + reason + "/></reason>";
        return "<" + name + " xmlns='" + JMI + "' id='" + id + "'>" + body + "</" + name + ">"
                + "<store xmlns='urn:xmpp:hints'/>";
    }

    private static List<Map<String, String>> calls(String answer) {
        assertThat(answer).contains("type='result'");
        return XmlAttributes.of(answer, "call");
    }

    private static String token(PluginApi api, TestUser user) throws Exception {
        PluginApi.Answer answer = api.token(user.username(), user.password());
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.text("access_token");
    }
}
