package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.client.ChatClient;
import io.chatapp.client.ChatClientException;
import io.chatapp.client.ChatClientException.Reason;
import io.chatapp.client.ChatMessage;
import io.chatapp.client.ConnectionState;
import io.chatapp.client.TokenClient;
import io.chatapp.client.TokenListener;
import io.chatapp.client.TokenMechanism;
import io.chatapp.client.TokenSet;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The client library's token login against the real server: tokens from the HTTP API, XMPP login with them over
 * both SASL mechanisms, refresh with rotation, reconnection with the current token, and a refused refresh token.
 */
@ExtendWith(ChatServerExtension.class)
class ClientTokenLoginTest {

    private final DevServer server;
    private final TestUsers users;

    ClientTokenLoginTest(DevServer server, TestUsers users) {
        this.server = server;
        this.users = users;
    }

    @ParameterizedTest
    @EnumSource(TokenMechanism.class)
    void aTokenLoginChatsBothWays(TokenMechanism mechanism) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (Clients clients = new Clients(server)) {
            TokenSet tokens = clients.tokenApi().obtainTokens(alice.username(), alice.password()).join();
            assertThat(tokens.jid()).isEqualTo(alice.jid());
            ChatClient aliceClient = clients.open(clients.tokenConfig().toBuilder().tokenMechanism(mechanism).build());
            Inbox<ChatMessage> aliceInbox = Inbox.messages(aliceClient);
            ChatClient bobClient = clients.loggedIn(bob);
            Inbox<ChatMessage> bobInbox = Inbox.messages(bobClient);

            aliceClient.loginWithToken(tokens).join();
            assertThat(aliceClient.jid()).hasValueSatisfying(jid -> assertThat(jid).startsWith(alice.jid() + "/"));
            assertThat(aliceClient.tokens()).hasValue(tokens);

            aliceClient.sendMessage(bob.jid(), "sent after a " + mechanism + " login").join();
            assertThat(bobInbox.next().body()).isEqualTo("sent after a " + mechanism + " login");
            bobClient.sendMessage(alice.jid(), "and back").join();
            ChatMessage reply = aliceInbox.next();
            assertThat(reply.body()).isEqualTo("and back");
            assertThat(reply.from()).isEqualTo(bob.jid());
        }
    }

    @Test
    void aRefreshRotatesTheTokensAndTheAppHearsOfIt() throws Exception {
        TestUser carol = users.create("carol");
        try (Clients clients = new Clients(server)) {
            TokenClient api = clients.tokenApi();
            TokenSet first = api.obtainTokens(carol.username(), carol.password()).join();
            ChatClient client = clients.open(clients.tokenConfig());
            Inbox<TokenSet> heard = new Inbox<>();
            client.onTokensRefreshed(heard::add);
            client.loginWithToken(first).join();

            TokenSet second = client.refreshTokens().join();

            assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
            assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
            assertThat(heard.next()).isEqualTo(second);
            assertThat(client.tokens()).hasValue(second);
            TokenSet third = api.refresh(second).join();
            assertThat(third.jid()).isEqualTo(carol.jid());
        }
    }

    @Test
    void aStoredLoginWhoseAccessTokenExpiredIsRefreshedBeforeLoggingIn() throws Exception {
        TestUser dave = users.create("dave");
        try (Clients clients = new Clients(server)) {
            TokenSet fresh = clients.tokenApi().obtainTokens(dave.username(), dave.password()).join();
            // As an app would load it after a night: the access token's time is over, the refresh token's is not.
            TokenSet stored = new TokenSet(fresh.accessToken(), Instant.now().minusSeconds(60),
                    fresh.refreshToken(), fresh.refreshTokenExpiresAt());
            ChatClient client = clients.open(clients.tokenConfig());
            Inbox<TokenSet> heard = new Inbox<>();
            client.onTokensRefreshed(heard::add);

            client.loginWithToken(stored).join();

            TokenSet refreshed = heard.next();
            assertThat(refreshed.refreshToken()).isNotEqualTo(fresh.refreshToken());
            assertThat(client.tokens()).hasValue(refreshed);
            assertThat(client.isLoggedIn()).isTrue();
        }
    }

    @Test
    void reconnectionAuthenticatesWithTheCurrentTokenNotTheFirstOne() throws Exception {
        TestUser erin = users.create("erin");
        TestUser frank = users.create("frank");
        try (Clients clients = new Clients(server); TcpProxy network = new TcpProxy(server.xmppPort())) {
            TokenClient api = clients.tokenApi();
            TokenSet first = api.obtainTokens(erin.username(), erin.password()).join();
            ChatClient erinClient = clients.open(clients.tokenConfig().toBuilder().port(network.port())
                    .reconnectDelay(Duration.ofSeconds(1)).build());
            Inbox<ConnectionState> states = new Inbox<>();
            erinClient.onConnectionState(states::add);
            Inbox<ChatMessage> erinInbox = Inbox.messages(erinClient);
            erinClient.loginWithToken(first).join();
            TokenSet second = erinClient.refreshTokens().join();

            // Revoke the first access token only (an unknown refresh token leaves the login's family alone): a
            // client that presented the token of its first login again could not get back in.
            api.logout(new TokenSet(first.accessToken(), first.accessTokenExpiresAt(), "not-a-refresh-token",
                    first.refreshTokenExpiresAt())).join();
            assertThat(xOauth2LoginWorks(erin, first.accessToken())).as("the first token is revoked").isFalse();

            network.cutAll();
            states.next(state -> state == ConnectionState.RECONNECTING);
            states.next(state -> state == ConnectionState.AUTHENTICATED || state == ConnectionState.RESUMED);

            ChatClient frankClient = clients.loggedIn(frank);
            frankClient.sendMessage(erin.jid(), "after the cut").join();
            assertThat(erinInbox.next(m -> m.body().equals("after the cut")).from()).isEqualTo(frank.jid());
            assertThat(erinClient.tokens()).hasValue(second);
        }
    }

    @Test
    void aRefreshTokenUsedTwiceEndsTheLoginWithAClearReason() throws Exception {
        TestUser grace = users.create("grace");
        try (Clients clients = new Clients(server)) {
            TokenClient api = clients.tokenApi();
            TokenSet first = api.obtainTokens(grace.username(), grace.password()).join();
            ChatClient client = clients.open(clients.tokenConfig());
            Inbox<ChatClientException> ended = new Inbox<>();
            client.onTokensRefreshed(new TokenListener() {
                @Override
                public void onTokensRefreshed(TokenSet tokens) {
                }

                @Override
                public void onSessionExpired(ChatClientException failure) {
                    ended.add(failure);
                }
            });
            client.loginWithToken(first).join();
            api.refresh(first).join(); // someone else (a thief?) used the refresh token the client holds

            assertThatThrownBy(() -> client.refreshTokens().join()).isInstanceOf(CompletionException.class)
                    .cause().isInstanceOfSatisfying(ChatClientException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.SESSION_EXPIRED));
            assertThat(ended.next().reason()).isEqualTo(Reason.SESSION_EXPIRED);
            assertThat(client.isLoggedIn()).as("the live connection stays up").isTrue();

            ChatClient later = clients.open(clients.tokenConfig());
            TokenSet stale = new TokenSet(first.accessToken(), Instant.now().minusSeconds(1),
                    first.refreshToken(), first.refreshTokenExpiresAt());
            assertThatThrownBy(() -> later.loginWithToken(stale).join()).cause()
                    .isInstanceOfSatisfying(ChatClientException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.SESSION_EXPIRED));
        }
    }

    @Test
    void wrongCredentialsGetNoTokens() {
        TestUser heidi = users.create("heidi");
        try (Clients clients = new Clients(server)) {
            assertThatThrownBy(() -> clients.tokenApi().obtainTokens(heidi.username(), "wrong").join()).cause()
                    .isInstanceOfSatisfying(ChatClientException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_AUTHORIZED));
        }
    }

    private boolean xOauth2LoginWorks(TestUser user, String accessToken) throws Exception {
        XMPPTCPConnection connection = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(server.domain())
                .setHost("127.0.0.1")
                .setPort(server.xmppPort())
                .setSecurityMode(SecurityMode.disabled)
                .addEnabledSaslMechanism("X-OAUTH2")
                .build());
        try {
            connection.connect().login(user.username(), accessToken);
            return true;
        } catch (SASLErrorException refused) {
            return false;
        } finally {
            connection.disconnect();
        }
    }
}
