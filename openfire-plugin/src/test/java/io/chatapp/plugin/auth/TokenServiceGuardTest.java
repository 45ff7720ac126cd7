package io.chatapp.plugin.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.plugin.config.AccountSettings.LockoutSettings;
import io.chatapp.plugin.config.AuthSettings;
import io.chatapp.plugin.storage.Database;
import io.chatapp.plugin.testing.EmbeddedDatabase;
import io.chatapp.plugin.testing.InMemoryAccounts;
import io.chatapp.plugin.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** TokenService with the brute-force guard and account state: locks, disabled accounts, token cut-offs. */
class TokenServiceGuardTest {

    @RegisterExtension
    static final EmbeddedDatabase postgres = new EmbeddedDatabase();

    private static final AuthSettings AUTH = new AuthSettings("chatapp", "chatapp", Duration.ofMinutes(15),
            Duration.ofDays(30), Duration.ofDays(30));
    private static final String ADDRESS = "192.0.2.1";

    private final MutableClock clock = new MutableClock("2026-11-24T10:00:00.250Z");
    private final InMemoryAccounts accounts = new InMemoryAccounts().add("alice", "alice-pw").add("bob", "bob-pw");
    private final FakeSaslServers.Status status = new FakeSaslServers.Status();
    private final LoginGuard guard = new LoginGuard(new LockoutSettings(3, 100, Duration.ofSeconds(10),
            Duration.ofMinutes(5), Duration.ofHours(1)), clock);
    private Database database;
    private TokenService tokens;

    @BeforeEach
    void open() {
        database = Database.open(postgres.settings("guard_" + System.nanoTime()));
        SigningKeys keys = new SigningKeys(database.dataSource(), AUTH.keyRotation(),
                AUTH.accessTokenLifetime().plus(AccessTokens.CLOCK_SKEW), clock);
        tokens = new TokenService(accounts, new AccessTokens(keys, AUTH, clock),
                new RefreshTokens(database.dataSource(), AUTH.refreshTokenLifetime(), clock),
                new RevokedAccessTokens(database.dataSource(), clock), AUTH.refreshTokenLifetime(), status, guard);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void failLogins(String user, int times) {
        for (int i = 0; i < times; i++) {
            assertThatThrownBy(() -> tokens.login(user, "wrong", ADDRESS)).isInstanceOf(TokenRejectedException.class);
        }
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPassword() {
        failLogins("alice", 3);
        assertThatThrownBy(() -> tokens.login("alice", "alice-pw", "192.0.2.99"))
                .isInstanceOfSatisfying(LockedOutException.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(e.retryAfterSeconds()).isEqualTo(10);
                });
        assertThat(status.logins).isEmpty();
    }

    @Test
    void theLockCoversEverySpellingOfTheName() {
        failLogins("Alice", 2);
        failLogins("alice@EXAMPLE.org", 1);
        assertThatThrownBy(() -> tokens.login("alice", "alice-pw", ADDRESS)).isInstanceOf(LockedOutException.class);
    }

    @Test
    void unknownAccountsAreLockedLikeKnownOnes() {
        failLogins("mallory", 3);
        assertThatThrownBy(() -> tokens.login("mallory", "x", ADDRESS)).isInstanceOf(LockedOutException.class);
    }

    @Test
    void otherUsersAreUnaffectedAndTheLockEnds() throws Exception {
        failLogins("alice", 3);
        assertThat(tokens.login("bob", "bob-pw", ADDRESS).access().subject()).isEqualTo("bob@example.org");

        clock.advance(Duration.ofSeconds(10));
        assertThat(tokens.login("alice", "alice-pw", ADDRESS).access().subject()).isEqualTo("alice@example.org");
        assertThat(status.logins).containsExactly("bob", "alice");
    }

    @Test
    void aSuccessfulLoginResetsTheCount() throws Exception {
        failLogins("alice", 2);
        tokens.login("alice", "alice-pw", ADDRESS);
        failLogins("alice", 2);
        assertThat(tokens.login("alice", "alice-pw", ADDRESS)).isNotNull();
    }

    @Test
    void checkPasswordReturnsTheCanonicalNameAndCountsFailures() throws Exception {
        assertThat(tokens.checkPassword("ALICE@example.org", "alice-pw", ADDRESS)).isEqualTo("alice");
        assertThatThrownBy(() -> tokens.checkPassword("alice", null, ADDRESS))
                .isInstanceOf(TokenRejectedException.class);
        assertThatThrownBy(() -> tokens.checkPassword(null, "x", ADDRESS)).isInstanceOf(TokenRejectedException.class);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> tokens.checkPassword("alice", "wrong", ADDRESS))
                    .isInstanceOf(TokenRejectedException.class);
        }
        assertThatThrownBy(() -> tokens.checkPassword("alice", "alice-pw", ADDRESS))
                .as("the null password counted too: 3 failures").isInstanceOf(LockedOutException.class);
        assertThat(status.logins).as("checking a password is not a login").isEmpty();
    }

    @Test
    void aDisabledAccountCannotLogInButIsNotLockedForIt() {
        status.disabled.add("alice");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> tokens.login("alice", "alice-pw", ADDRESS))
                    .isInstanceOf(TokenRejectedException.class).hasMessage("account disabled");
        }
        assertThatThrownBy(() -> tokens.login("alice", "wrong", ADDRESS))
                .as("a wrong password does not reveal that the account is disabled")
                .isInstanceOf(TokenRejectedException.class).hasMessage("wrong user name or password");
        assertThat(status.logins).isEmpty();
    }

    @Test
    void aDisabledAccountCannotRefreshOrUseItsAccessTokens() throws Exception {
        TokenPair pair = tokens.login("alice", "alice-pw", ADDRESS);
        status.disabled.add("alice");
        assertThatThrownBy(() -> tokens.verify(pair.access().token())).isInstanceOf(TokenRejectedException.class)
                .hasMessage("account disabled");
        assertThatThrownBy(() -> tokens.refresh(pair.refreshToken())).isInstanceOf(TokenRejectedException.class)
                .hasMessage("account disabled");

        status.disabled.remove("alice");
        assertThat(tokens.verify(pair.access().token()).username()).isEqualTo("alice");
    }

    @Test
    void tokensIssuedBeforeTheCutOffAreRefusedAndLaterOnesAccepted() throws Exception {
        TokenPair before = tokens.login("alice", "alice-pw", ADDRESS);
        TokenPair bobs = tokens.login("bob", "bob-pw", ADDRESS);
        clock.advance(Duration.ofSeconds(5));
        // As AccountDirectory.cutOffTokens does: the cut-off is the current whole second.
        Instant cutOff = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        status.validAfter.put("alice", cutOff);

        assertThatThrownBy(() -> tokens.verify(before.access().token())).isInstanceOf(TokenRejectedException.class)
                .hasMessageContaining("forced logout");
        assertThat(tokens.verify(bobs.access().token()).username()).as("only alice is cut off").isEqualTo("bob");

        TokenPair sameSecond = tokens.login("alice", "alice-pw", ADDRESS);
        assertThat(sameSecond.access().issuedAt()).as("iat is whole seconds").isEqualTo(cutOff);
        assertThat(tokens.verify(sameSecond.access().token()).username())
                .as("a token issued in the cut-off's own second, after it, is accepted").isEqualTo("alice");

        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.verify(tokens.login("alice", "alice-pw", ADDRESS).access().token()).username())
                .isEqualTo("alice");
    }

    @Test
    void tokensIssuedRightAfterACutOffStartAtTheCutOffAndWork() throws Exception {
        // What a forced logout sets: now rounded up to the next second. A login in the same second must still work.
        Instant cutOff = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
        status.validAfter.put("alice", cutOff);
        TokenPair pair = tokens.login("alice", "alice-pw", ADDRESS);
        assertThat(pair.access().issuedAt()).isEqualTo(cutOff);
        assertThat(tokens.verify(pair.access().token()).username()).isEqualTo("alice");
    }

    @Test
    void issueForAndRevokeAllRefreshTokens() throws Exception {
        TokenPair first = tokens.login("alice", "alice-pw", ADDRESS);
        TokenPair second = tokens.issueFor("alice");
        assertThat(tokens.verify(second.access().token()).username()).isEqualTo("alice");
        TokenPair bobs = tokens.login("bob", "bob-pw", ADDRESS);

        assertThat(tokens.revokeAllRefreshTokens("alice")).isEqualTo(2);
        assertThatThrownBy(() -> tokens.refresh(first.refreshToken())).isInstanceOf(TokenRejectedException.class);
        assertThatThrownBy(() -> tokens.refresh(second.refreshToken())).isInstanceOf(TokenRejectedException.class);
        assertThat(tokens.refresh(bobs.refreshToken())).isNotNull();
    }

    @Test
    void forgetDeletesTheRefreshTokens() throws Exception {
        TokenPair pair = tokens.login("alice", "alice-pw", ADDRESS);
        tokens.forget("alice");
        assertThatThrownBy(() -> tokens.refresh(pair.refreshToken())).isInstanceOf(TokenRejectedException.class)
                .hasMessageContaining("unknown");
    }
}
