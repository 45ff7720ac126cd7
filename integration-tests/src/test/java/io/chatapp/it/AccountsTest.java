package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.client.ChatClient;
import io.chatapp.client.ChatMessage;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import io.chatapp.it.PluginApi.Answer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Accounts end to end against the real server: registration over HTTP and its rules, XMPP login with the token,
 * roles on the admin API, an administrator disabling and force-logging-out a user whose XMPP session is open,
 * password change and account deletion.
 */
class AccountsTest {

    private static final String ADMIN = "ops";
    private static final String ADMIN_PASSWORD = "operations-Desk-42";

    @RegisterExtension
    static final ChatServerExtension SERVER = ChatServerExtension.withProperties(Map.of(
            "admin.authorizedJIDs", ADMIN + "@localhost",
            "chatapp.registration.perAddressPerHour", "40"));

    private final DevServer server;
    private final TestUsers users;
    private final PluginApi api;

    AccountsTest(DevServer server, TestUsers users) {
        this.server = server;
        this.users = users;
        this.api = new PluginApi(server);
        if (!server.userExists(ADMIN)) {
            server.createUser(ADMIN, ADMIN_PASSWORD);
        }
    }

    @Test
    void registerOverHttpThenLogInOverXmppWithTheTokenAndChat() throws Exception {
        TestUser carol = users.unregistered("Carol");
        Answer created = api.register(carol.username().toUpperCase(), "a-decent-passphrase");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("username")).isEqualTo(carol.username());
        assertThat(created.text("jid")).isEqualTo(carol.jid());
        assertThat(server.userExists(carol.username())).isTrue();

        Answer taken = api.register(carol.username(), "another-decent-one");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.text("error")).isEqualTo("conflict");

        TestUser bob = users.create("bob");
        String token = api.token(carol.username(), "a-decent-passphrase").text("access_token");
        XMPPTCPConnection carolXmpp = XmppLogins.token(server);
        try (Clients clients = new Clients(server)) {
            ChatClient bobClient = clients.loggedIn(bob);
            Inbox<ChatMessage> inbox = Inbox.messages(bobClient);
            carolXmpp.connect().login(carol.username(), token);
            carolXmpp.sendStanza(carolXmpp.getStanzaFactory().buildMessageStanza().to(bob.jid())
                    .setBody("registered over HTTP").build());
            assertThat(inbox.next().body()).isEqualTo("registered over HTTP");
        } finally {
            carolXmpp.disconnect();
        }
    }

    @Test
    void registrationRulesGiveClearErrors() throws Exception {
        assertRefused(api.register("x y", "a-decent-passphrase"), 400, "letters");
        assertRefused(api.register("-dash", "a-decent-passphrase"), 400, "start and end");
        assertRefused(api.register("postmaster", "a-decent-passphrase"), 400, "reserved");
        assertRefused(api.register("a".repeat(65), "a-decent-passphrase"), 400, "at most 64");
        String name = users.unregistered("dave").username();
        assertRefused(api.register(name, "short"), 400, "at least 8");
        assertRefused(api.register(name, "Password1"), 400, "common");
        assertRefused(api.register(name, "abcdefghij"), 400, "sequence");
        assertRefused(api.register(name, name + "!!"), 400, "user name");
        assertThat(server.userExists(name)).as("nothing was created").isFalse();
    }

    @Test
    void registrationIsRateLimitedPerAddress() throws Exception {
        PluginApi prober = new PluginApi(server, "127.0.0.3");
        Answer last = null;
        for (int i = 0; i < 41; i++) {
            last = prober.register(ADMIN, "probing-for-names");
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(Long.parseLong(last.headers().get("retry-after"))).isPositive();
        assertThat(api.register(users.unregistered("erin").username(), "a-decent-passphrase").status())
                .as("another address is not affected").isEqualTo(201);
    }

    @Test
    void adminRoutesNeedTheAdminRole() throws Exception {
        TestUser alice = users.create("alice");
        String aliceToken = api.token(alice.username(), alice.password()).text("access_token");
        for (String path : new String[] {"/api/v1/admin/users", "/api/v1/admin/users/" + alice.username()}) {
            Answer anonymous = api.get(path, null);
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.headers().get("www-authenticate")).startsWith("Bearer");
            assertThat(api.get(path, aliceToken).status()).as(path).isEqualTo(403);
        }
        assertThat(api.post("/api/v1/admin/users/" + ADMIN + "/disable", aliceToken, null).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/me", aliceToken).body().get("roles").toString()).isEqualTo("[\"user\"]");
        assertThat(api.get("/api/v1/me", adminToken()).body().get("roles").toString())
                .isEqualTo("[\"admin\",\"user\"]");
    }

    @Test
    void aDisabledUserIsThrownOutAndCannotLogInUntilEnabled() throws Exception {
        TestUser bob = users.create("bob");
        String admin = adminToken();
        Answer bobTokens = api.token(bob.username(), bob.password());
        XMPPTCPConnection bobXmpp = XmppLogins.password(server);
        bobXmpp.connect().login(bob.username(), bob.password());
        XmppLogins.awaitOnline(bobXmpp);
        CompletableFuture<Void> closed = whenClosed(bobXmpp);

        Answer disabled = api.post("/api/v1/admin/users/" + bob.username() + "/disable", admin, null);
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.body().get("disabled").asBoolean()).isTrue();
        // The server closes the connection at once; Smack reports it only after its reply timeout (5 s), more
        // under load.
        closed.get(60, TimeUnit.SECONDS);
        assertThat(bobXmpp.isConnected()).as("the open session was closed").isFalse();

        assertLoginFails(XmppLogins.password(server), bob.username(), bob.password());
        assertLoginFails(XmppLogins.token(server), bob.username(), bobTokens.text("access_token"));
        assertThat(api.token(bob.username(), bob.password()).status()).isEqualTo(401);
        assertThat(api.refresh(bobTokens.text("refresh_token")).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", bobTokens.text("access_token")).status()).isEqualTo(401);
        Answer listed = api.get("/api/v1/admin/users?q=" + bob.username(), admin);
        assertThat(listed.body().get("users").get(0).get("disabled").asBoolean()).isTrue();

        assertThat(api.post("/api/v1/admin/users/" + bob.username() + "/enable", admin, null).status())
                .isEqualTo(200);
        XMPPTCPConnection again = XmppLogins.password(server);
        again.connect().login(bob.username(), bob.password());
        assertThat(again.isAuthenticated()).isTrue();
        again.disconnect();
        assertThat(api.get("/api/v1/me", bobTokens.text("access_token")).status())
                .as("tokens cut off by the disable stay dead").isEqualTo(401);
    }

    @Test
    void forceLogoutClosesSessionsAndRevokesEveryToken() throws Exception {
        TestUser frank = users.create("frank");
        Answer phone = api.token(frank.username(), frank.password());
        XMPPTCPConnection session = XmppLogins.token(server);
        session.connect().login(frank.username(), phone.text("access_token"));
        XmppLogins.awaitOnline(session);
        CompletableFuture<Void> closed = whenClosed(session);

        Answer logout = api.post("/api/v1/admin/users/" + frank.username() + "/logout", adminToken(), null);
        assertThat(logout.status()).as(logout.toString()).isEqualTo(200);
        assertThat(logout.body().get("sessions_closed").asInt()).isEqualTo(1);
        closed.get(60, TimeUnit.SECONDS);
        assertThat(api.get("/api/v1/me", phone.text("access_token")).status()).isEqualTo(401);
        assertThat(api.refresh(phone.text("refresh_token")).status()).isEqualTo(401);
        assertThat(api.token(frank.username(), frank.password()).status()).as("the password still works")
                .isEqualTo(200);
    }

    // Security report (issue 12, items 1 and 4): the admin routes took `name@domain` as given. Openfire's user store
    // found the account under that spelling, but the plugin's tokens and records are keyed by the user name, so
    // deleting by JID left the old owner's tokens alive for whoever registered the name next, and disabling or
    // logging out by JID did nothing while answering 200.

    @Test
    void deletingByJidRevokesTheOldOwnersTokensBeforeTheNameIsTakenAgain() throws Exception {
        TestUser victim = users.create("sectestf");
        Answer old = api.token(victim.username(), victim.password());
        String jid = victim.username() + "@localhost";

        Answer deleted = api.delete("/api/v1/admin/users/" + jid.toUpperCase(), adminToken(), null);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(server.userExists(victim.username())).isFalse();
        assertThat(api.register(victim.username(), "the-new-owners-passphrase").status()).isEqualTo(201);

        assertThat(api.refresh(old.text("refresh_token")).status()).as("the old refresh token").isEqualTo(401);
        assertThat(api.get("/api/v1/me", old.text("access_token")).status()).as("the old access token")
                .isEqualTo(401);
        assertLoginFails(XmppLogins.token(server), victim.username(), old.text("access_token"));
    }

    @Test
    void disablingAndLoggingOutByJidActOnTheAccount() throws Exception {
        TestUser dan = users.create("sectestd");
        TestUser bea = users.create("sectestb");
        String admin = adminToken();
        Answer dansTokens = api.token(dan.username(), dan.password());
        Answer beasTokens = api.token(bea.username(), bea.password());
        XMPPTCPConnection beaXmpp = XmppLogins.token(server);
        beaXmpp.connect().login(bea.username(), beasTokens.text("access_token"));
        XmppLogins.awaitOnline(beaXmpp);
        CompletableFuture<Void> beaClosed = whenClosed(beaXmpp);

        Answer disabled = api.post("/api/v1/admin/users/" + dan.username() + "@localhost/disable", admin, null);
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.text("username")).isEqualTo(dan.username());
        assertLoginFails(XmppLogins.password(server), dan.username(), dan.password());
        assertThat(api.get("/api/v1/me", dansTokens.text("access_token")).status()).isEqualTo(401);
        assertThat(api.refresh(dansTokens.text("refresh_token")).status()).isEqualTo(401);

        Answer logout = api.post("/api/v1/admin/users/" + bea.username() + "@LOCALHOST/logout", admin, null);
        assertThat(logout.status()).as(logout.toString()).isEqualTo(200);
        assertThat(logout.body().get("sessions_closed").asInt()).isEqualTo(1);
        beaClosed.get(60, TimeUnit.SECONDS);
        assertThat(api.get("/api/v1/me", beasTokens.text("access_token")).status()).isEqualTo(401);
        assertThat(api.refresh(beasTokens.text("refresh_token")).status()).isEqualTo(401);

        Answer listed = api.get("/api/v1/admin/users?q=sectest&limit=200", admin);
        listed.body().get("users").forEach(user -> assertThat(user.get("username").asText())
                .as("no record under a second spelling").doesNotContain("@"));
    }

    @Test
    void adminRoutesAnswer404ForAnyNameThatIsNoAccount() throws Exception {
        TestUser real = users.create("sectestg");
        String admin = adminToken();
        for (String name : new String[] {"no-such-user-here", "no-such-user-here@localhost",
                real.username() + "@elsewhere.example", real.username() + "@localhost%2Fphone"}) {
            assertThat(api.get("/api/v1/admin/users/" + name, admin).status()).as("GET " + name).isEqualTo(404);
            for (String action : new String[] {"disable", "enable", "logout"}) {
                assertThat(api.post("/api/v1/admin/users/" + name + "/" + action, admin, null).status())
                        .as(action + " " + name).isEqualTo(404);
            }
            assertThat(api.delete("/api/v1/admin/users/" + name, admin, null).status()).as("DELETE " + name)
                    .isEqualTo(404);
        }
        assertThat(server.userExists(real.username())).isTrue();
        assertThat(api.token(real.username(), real.password()).status()).isEqualTo(200);
    }

    @Test
    void changingThePasswordRevokesOldTokensAndRehashes() throws Exception {
        TestUser grace = users.create("grace");
        Answer laptop = api.token(grace.username(), grace.password());
        Answer phone = api.token(grace.username(), grace.password());
        String phoneAccess = phone.text("access_token");

        assertRefused(api.post("/api/v1/me/password", phoneAccess, PluginApi.json("current_password", "wrong",
                "new_password", "a-brand-new-passphrase")), 403, "wrong");
        assertRefused(api.post("/api/v1/me/password", phoneAccess, PluginApi.json("current_password",
                grace.password(), "new_password", "qwerty123")), 400, "common");

        Answer changed = api.post("/api/v1/me/password", phoneAccess, PluginApi.json("current_password",
                grace.password(), "new_password", "a-brand-new-passphrase"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", changed.text("access_token")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", phoneAccess).status()).isEqualTo(401);
        assertThat(api.refresh(laptop.text("refresh_token")).status()).isEqualTo(401);
        assertThat(api.refresh(phone.text("refresh_token")).status()).isEqualTo(401);
        assertThat(api.refresh(changed.text("refresh_token")).status()).isEqualTo(200);

        assertLoginFails(XmppLogins.password(server), grace.username(), grace.password());
        XMPPTCPConnection withNewPassword = XmppLogins.password(server);
        withNewPassword.connect().login(grace.username(), "a-brand-new-passphrase");
        withNewPassword.disconnect();
        StoredPassword stored = StoredPassword.of(server, grace.username());
        assertThat(stored.plainPassword()).isNull();
        assertThat(stored.encryptedPassword()).isNull();
        assertThat(stored.storedKey()).isNotBlank();
    }

    @Test
    void deletingTheOwnAccountRemovesItAndItsPluginData() throws Exception {
        TestUser heidi = users.create("heidi");
        Answer tokens = api.token(heidi.username(), heidi.password());
        String access = tokens.text("access_token");
        assertRefused(api.delete("/api/v1/me", access, PluginApi.json("password", "nope")), 403, "wrong");

        Answer deleted = api.delete("/api/v1/me", access, PluginApi.json("password", heidi.password()));
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(server.userExists(heidi.username())).isFalse();
        assertThat(api.get("/api/v1/me", access).status()).isEqualTo(401);
        assertThat(api.refresh(tokens.text("refresh_token")).status()).isEqualTo(401);
        assertLoginFails(XmppLogins.password(server), heidi.username(), heidi.password());
        try (Connection db = server.connectToDatabase()) {
            assertThat(count(db, "SELECT count(*) FROM chatapp.refresh_token WHERE username = ?", heidi.username()))
                    .isZero();
            assertThat(count(db, "SELECT count(*) FROM chatapp.account WHERE username = ? AND (registered_at IS NOT"
                    + " NULL OR last_login_at IS NOT NULL OR deleted_at IS NULL)", heidi.username()))
                    .as("only a tombstone without personal data is left").isZero();
        }

        Answer reRegistered = api.register(heidi.username(), "someone-else-now");
        assertThat(reRegistered.status()).isEqualTo(201);
        assertThat(api.get("/api/v1/me", access).status()).as("the old owner's token does not open the new account")
                .isEqualTo(401);
    }

    @Test
    void administratorsListSearchAndDelete() throws Exception {
        TestUser ivan = users.create("ivan");
        api.token(ivan.username(), ivan.password());
        String admin = adminToken();
        Instant before = Instant.now();
        Answer found = waitForListing(admin, ivan.username());
        assertThat(found.body().get("total").asInt()).isEqualTo(1);
        assertThat(found.body().get("users").get(0).get("username").asText()).isEqualTo(ivan.username());

        Answer one = api.get("/api/v1/admin/users/" + ivan.username(), admin);
        assertThat(one.status()).isEqualTo(200);
        assertThat(Instant.parse(one.text("last_login_at"))).isBefore(before.plusSeconds(1));
        assertThat(api.get("/api/v1/admin/users/no-such-user-here", admin).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/admin/users?limit=0", admin).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/admin/users/" + ADMIN + "/disable", admin, null).status())
                .as("an admin cannot lock themselves out").isEqualTo(409);

        assertThat(api.delete("/api/v1/admin/users/" + ivan.username(), admin, null).status()).isEqualTo(200);
        assertThat(server.userExists(ivan.username())).isFalse();
        assertThat(api.get("/api/v1/admin/users?q=" + ivan.username(), admin).body().get("total").asInt()).isZero();
    }

    @Test
    void inBandRegistrationFollowsThePasswordPolicy() throws Exception {
        String name = users.unregistered("judy").username();
        try (Clients clients = new Clients(server)) {
            ChatClient weak = clients.open();
            assertThatThrownBy(() -> weak.register(name, "password").join()).hasMessageContaining("not");
            assertThat(server.userExists(name)).isFalse();
            ChatClient strong = clients.open();
            strong.register(name, "a-decent-passphrase").join();
        }
        assertThat(server.userExists(name)).isTrue();
        Answer listed = waitForListing(adminToken(), name);
        assertThat(listed.body().get("users").get(0).get("registered_at").isNull()).isFalse();
    }

    @Test
    void inBandRegistrationWithADataFormFollowsTheRulesToo() throws Exception {
        // Review for issue 12: Openfire reads a registration from a data form when there is one, and the guard read
        // only the plain elements, so a form skipped every rule.
        String name = users.unregistered("kim").username();
        try (RawXmpp stream = RawXmpp.unauthenticated(server)) {
            for (String[] attempt : new String[][] {{name, "x"}, {"postmaster", "a-decent-passphrase"}}) {
                String answer = stream.iq("set", null, "<query xmlns='jabber:iq:register'>"
                        + "<username>" + name + "</username><password>a-decent-passphrase</password>"
                        + "<x xmlns='jabber:x:data' type='submit'>"
                        + "<field var='FORM_TYPE' type='hidden'><value>jabber:iq:register</value></field>"
                        + "<field var='username'><value>" + attempt[0] + "</value></field>"
                        + "<field var='password'><value>" + attempt[1] + "</value></field></x></query>");
                assertThat(answer).as(attempt[0]).contains("type='error'");
            }
        }
        assertThat(server.userExists(name)).isFalse();
        assertThat(server.userExists("postmaster")).isFalse();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private String adminToken() throws Exception {
        Answer answer = api.token(ADMIN, ADMIN_PASSWORD);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.text("access_token");
    }

    /** Logins are recorded in the background (batched); the listing shows them within seconds. */
    private Answer waitForListing(String admin, String username) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            Answer answer = api.get("/api/v1/admin/users?q=" + username, admin);
            assertThat(answer.status()).isEqualTo(200);
            if (answer.body().get("total").asInt() > 0 || System.nanoTime() > deadline) {
                return answer;
            }
            Thread.sleep(200);
        }
    }

    private static void assertRefused(Answer answer, int status, String messagePart) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.text("error")).isNotBlank();
        assertThat(answer.text("message")).containsIgnoringCase(messagePart);
    }

    private static void assertLoginFails(AbstractXMPPConnection connection, String username, String secret)
            throws Exception {
        try {
            connection.connect();
            assertThatThrownBy(() -> connection.login(username, secret)).isInstanceOf(SASLErrorException.class);
        } finally {
            connection.disconnect();
        }
    }

    private static CompletableFuture<Void> whenClosed(XMPPConnection connection) {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        connection.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosed() {
                closed.complete(null);
            }

            @Override
            public void connectionClosedOnError(Exception e) {
                closed.complete(null);
            }
        });
        return closed;
    }

    private static int count(Connection db, String sql, String username) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, username);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
