package io.chatapp.plugin.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.plugin.accounts.AccountException.Kind;
import io.chatapp.plugin.auth.AccessTokens;
import io.chatapp.plugin.auth.LockedOutException;
import io.chatapp.plugin.auth.LoginGuard;
import io.chatapp.plugin.auth.RefreshTokens;
import io.chatapp.plugin.auth.RevokedAccessTokens;
import io.chatapp.plugin.auth.SigningKeys;
import io.chatapp.plugin.auth.TokenPair;
import io.chatapp.plugin.auth.TokenRejectedException;
import io.chatapp.plugin.auth.TokenService;
import io.chatapp.plugin.config.AccountSettings;
import io.chatapp.plugin.config.AccountSettings.LockoutSettings;
import io.chatapp.plugin.config.AuthSettings;
import io.chatapp.plugin.storage.Database;
import io.chatapp.plugin.testing.EmbeddedDatabase;
import io.chatapp.plugin.testing.InMemoryAccounts;
import io.chatapp.plugin.testing.MutableClock;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Registration, self-service and administration of accounts, with real token storage. */
class AccountServiceTest {

    @RegisterExtension
    static final EmbeddedDatabase postgres = new EmbeddedDatabase();

    private static final AuthSettings AUTH = new AuthSettings("chatapp", "chatapp", Duration.ofMinutes(15),
            Duration.ofDays(30), Duration.ofDays(30));
    private static final LockoutSettings LOCKOUT = new LockoutSettings(3, 100, Duration.ofSeconds(10),
            Duration.ofMinutes(5), Duration.ofHours(1));
    private static final String ADDRESS = "192.0.2.1";
    private static final String GOOD = "blue-Kettle-42";

    private final MutableClock clock = new MutableClock("2026-11-24T10:00:00.300Z");
    private final InMemoryAccounts accounts = new InMemoryAccounts().add("alice", "alice-pw").add("bob", "bob-pw")
            .admin("root", "root-pw");
    private final LoginGuard guard = new LoginGuard(LOCKOUT, clock);
    private Database database;
    private AccountDirectory directory;
    private TokenService tokens;

    @BeforeEach
    void open() {
        database = Database.open(postgres.settings("service_" + System.nanoTime()));
        directory = new AccountDirectory(database.dataSource(), clock);
        SigningKeys keys = new SigningKeys(database.dataSource(), AUTH.keyRotation(),
                AUTH.accessTokenLifetime().plus(AccessTokens.CLOCK_SKEW), clock);
        tokens = new TokenService(accounts, new AccessTokens(keys, AUTH, clock),
                new RefreshTokens(database.dataSource(), AUTH.refreshTokenLifetime(), clock),
                new RevokedAccessTokens(database.dataSource(), clock), AUTH.refreshTokenLifetime(), directory, guard);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private AccountService service(boolean httpRegistration, int perAddress) {
        return new AccountService(accounts, directory, tokens, guard,
                new AddressRateLimiter(perAddress, Duration.ofHours(1), clock),
                new AccountSettings(httpRegistration, true, perAddress, 8, LOCKOUT, 0));
    }

    private AccountService service() {
        return service(true, 10);
    }

    private static void assertKind(ThrowingCallable call, Kind kind) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AccountException.class,
                e -> assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind));
    }

    private TokenPair login(String user, String password) throws Exception {
        return tokens.login(user, password, ADDRESS);
    }

    // --- registration ---

    @Test
    void registrationCreatesTheAccountUnderItsLowerCaseName() throws Exception {
        assertThat(service().register("Carol", GOOD, ADDRESS)).isEqualTo("carol");
        assertThat(accounts.checkPassword("carol", GOOD)).isTrue();
        assertThat(directory.find("carol")).hasValueSatisfying(carol ->
                assertThat(carol.registeredAt()).isNotNull());
        assertThat(tokens.verify(login("carol", GOOD).access().token()).username()).isEqualTo("carol");
    }

    @Test
    void registrationCanBeClosed() {
        assertKind(() -> service(false, 10).register("carol", GOOD, ADDRESS), Kind.NOT_ALLOWED);
        assertThat(accounts.exists("carol")).isFalse();
    }

    @Test
    void registrationIsLimitedPerAddressCountingFailedAttempts() throws Exception {
        AccountService service = service(true, 2);
        assertKind(() -> service.register("bad name", GOOD, ADDRESS), Kind.INVALID);
        service.register("carol", GOOD, ADDRESS);
        assertThatThrownBy(() -> service.register("dave", GOOD, ADDRESS)).isInstanceOfSatisfying(
                AccountException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.TOO_MANY);
                    assertThat(e.retryAfterSeconds()).isEqualTo(3600);
                });
        assertThat(accounts.exists("dave")).isFalse();
        assertThat(service.register("dave", GOOD, "192.0.2.2")).as("another address").isEqualTo("dave");
    }

    @Test
    void invalidNamesAndWeakPasswordsAreRefused() {
        AccountService service = service();
        assertKind(() -> service.register("admin", GOOD, ADDRESS), Kind.INVALID);
        assertKind(() -> service.register(".carol", GOOD, ADDRESS), Kind.INVALID);
        assertKind(() -> service.register("carol", "short", ADDRESS), Kind.INVALID);
        assertKind(() -> service.register("carol", "password1", ADDRESS), Kind.INVALID);
        assertKind(() -> service.register("carol", "carol-rocks-99", ADDRESS), Kind.INVALID);
        assertKind(() -> service.register("carol", "12345678", ADDRESS), Kind.INVALID);
        assertThat(accounts.exists("carol")).isFalse();
    }

    @Test
    void aTakenNameIsAConflictInAnyCase() {
        assertKind(() -> service().register("alice", GOOD, ADDRESS), Kind.CONFLICT);
        assertKind(() -> service().register("ALICE", GOOD, ADDRESS), Kind.CONFLICT);
        assertThat(accounts.checkPassword("alice", "alice-pw")).as("untouched").isTrue();
    }

    // --- password change ---

    @Test
    void aWrongCurrentPasswordIsRefusedAndCountedByTheGuard() throws Exception {
        AccountService service = service();
        for (int i = 0; i < 3; i++) {
            assertKind(() -> service.changePassword("alice", "wrong", GOOD, ADDRESS), Kind.WRONG_PASSWORD);
        }
        assertKind(() -> service.changePassword("alice", "alice-pw", GOOD, ADDRESS), Kind.TOO_MANY);
        assertThatThrownBy(() -> login("alice", "alice-pw")).as("the same lock covers logins")
                .isInstanceOf(LockedOutException.class);
        assertThat(accounts.checkPassword("alice", "alice-pw")).isTrue();
    }

    @Test
    void aWeakNewPasswordIsRefused() {
        assertKind(() -> service().changePassword("alice", "alice-pw", "qwerty123", ADDRESS), Kind.INVALID);
        assertKind(() -> service().changePassword("alice", "alice-pw", "my-alice-2026", ADDRESS), Kind.INVALID);
        assertThat(accounts.checkPassword("alice", "alice-pw")).isTrue();
    }

    @Test
    void changingThePasswordRevokesEveryOldTokenAndReturnsNewOnes() throws Exception {
        TokenPair phone = login("alice", "alice-pw");
        TokenPair laptop = login("alice", "alice-pw");
        TokenPair bobs = login("bob", "bob-pw");
        clock.advance(Duration.ofSeconds(2));

        TokenPair fresh = service().changePassword("alice", "alice-pw", GOOD, ADDRESS);

        assertThat(accounts.checkPassword("alice", GOOD)).isTrue();
        assertThat(accounts.checkPassword("alice", "alice-pw")).isFalse();
        assertThat(tokens.verify(fresh.access().token()).username()).isEqualTo("alice");
        assertThat(tokens.refresh(fresh.refreshToken())).isNotNull();
        for (TokenPair old : new TokenPair[] {phone, laptop}) {
            assertThatThrownBy(() -> tokens.verify(old.access().token())).isInstanceOf(TokenRejectedException.class);
            assertThatThrownBy(() -> tokens.refresh(old.refreshToken())).isInstanceOf(TokenRejectedException.class)
                    .hasMessageContaining("revoked");
        }
        assertThat(tokens.verify(bobs.access().token()).username()).as("other users keep theirs").isEqualTo("bob");
        assertThat(tokens.refresh(bobs.refreshToken())).isNotNull();
    }

    // --- deletion ---

    @Test
    void deletingOwnAccountNeedsThePassword() {
        assertKind(() -> service().deleteOwnAccount("alice", "wrong", ADDRESS), Kind.WRONG_PASSWORD);
        assertThat(accounts.exists("alice")).isTrue();
    }

    @Test
    void deletingOwnAccountRemovesItEverywhere() throws Exception {
        TokenPair pair = login("alice", "alice-pw");
        directory.flushLogins();
        assertThat(directory.find("alice")).isPresent();

        service().deleteOwnAccount("alice", "alice-pw", ADDRESS);

        assertThat(accounts.exists("alice")).isFalse();
        assertThat(accounts.closedSessions).containsKey("alice");
        assertThat(directory.find("alice")).isEmpty();
        assertThat(directory.isDisabled("alice")).isFalse();
        assertThat(refreshTokenRows("alice")).as("refresh tokens deleted").isZero();
        assertThatThrownBy(() -> tokens.refresh(pair.refreshToken())).isInstanceOf(TokenRejectedException.class);
        assertThatThrownBy(() -> tokens.verify(pair.access().token())).isInstanceOf(TokenRejectedException.class);
    }

    @Test
    void aNewAccountOfADeletedNameIsNotOpenedByTheOldTokens() throws Exception {
        TokenPair old = login("alice", "alice-pw");
        clock.advance(Duration.ofSeconds(1));
        service().deleteOwnAccount("alice", "alice-pw", ADDRESS);
        clock.advance(Duration.ofSeconds(1));
        service().register("alice", GOOD, "192.0.2.50");
        assertThatThrownBy(() -> tokens.verify(old.access().token())).isInstanceOf(TokenRejectedException.class);
        assertThat(tokens.verify(login("alice", GOOD).access().token()).username()).isEqualTo("alice");
    }

    /** An old owner's token does not open a new account of the same name registered in the second of the deletion. */
    @Test
    void aNewAccountRegisteredInTheSameSecondIsNotOpenedByTheOldTokens() throws Exception {
        TokenPair old = login("alice", "alice-pw");
        service().deleteOwnAccount("alice", "alice-pw", ADDRESS);
        service().register("alice", GOOD, "192.0.2.50");
        assertThatThrownBy(() -> tokens.verify(old.access().token())).isInstanceOf(TokenRejectedException.class);
    }

    // --- administration ---

    @Test
    void disablingClosesSessionsAndRefusesLoginsAndTokens() throws Exception {
        TokenPair pair = login("alice", "alice-pw");
        clock.advance(Duration.ofSeconds(1));

        service().disable("root", "alice");

        assertThat(accounts.closedSessions).containsEntry("alice", 1);
        assertThat(directory.isDisabled("alice")).isTrue();
        assertThatThrownBy(() -> login("alice", "alice-pw")).isInstanceOf(TokenRejectedException.class)
                .hasMessage("account disabled");
        assertThatThrownBy(() -> tokens.verify(pair.access().token())).isInstanceOf(TokenRejectedException.class);
        assertThatThrownBy(() -> tokens.refresh(pair.refreshToken())).isInstanceOf(TokenRejectedException.class);
        assertThat(service().find("alice").disabled()).isTrue();
    }

    @Test
    void anEnabledAccountCanLogInAgain() throws Exception {
        service().disable("root", "alice");
        service().enable("root", "alice");
        assertThat(tokens.verify(login("alice", "alice-pw").access().token()).username()).isEqualTo("alice");
        assertThat(service().find("alice").disabled()).isFalse();
    }

    @Test
    void administratorsCannotDisableOrDeleteThemselves() {
        assertKind(() -> service().disable("root", "root"), Kind.CONFLICT);
        assertKind(() -> service().deleteByAdmin("root", "root"), Kind.CONFLICT);
        assertThat(directory.isDisabled("root")).isFalse();
        assertThat(accounts.exists("root")).isTrue();
        assertThat(accounts.closedSessions).isEmpty();
    }

    @Test
    void unknownAccountsAreNotFound() {
        assertKind(() -> service().disable("root", "nobody"), Kind.NOT_FOUND);
        assertKind(() -> service().enable("root", "nobody"), Kind.NOT_FOUND);
        assertKind(() -> service().deleteByAdmin("root", "nobody"), Kind.NOT_FOUND);
        assertKind(() -> service().find("nobody"), Kind.NOT_FOUND);
        assertKind(() -> service().find(null), Kind.NOT_FOUND);
    }

    @Test
    void administratorsNameAnAccountByItsBareJidOrAnyCaseAndActOnTheRealAccount() throws Exception {
        TokenPair alices = login("alice", "alice-pw");
        TokenPair bobs = login("bob", "bob-pw");
        clock.advance(Duration.ofSeconds(1));

        service().disable("root", "Alice@Example.org");
        assertThat(directory.isDisabled("alice")).isTrue();
        assertThat(service().find("ALICE").disabled()).isTrue();
        assertThatThrownBy(() -> tokens.verify(alices.access().token())).isInstanceOf(TokenRejectedException.class);
        service().enable("root", "alice@example.org");
        assertThat(directory.isDisabled("alice")).isFalse();

        service().forceLogoutByAdmin("root", "bob@example.org");
        assertThat(accounts.closedSessions).containsKey("bob");
        assertThatThrownBy(() -> tokens.refresh(bobs.refreshToken())).isInstanceOf(TokenRejectedException.class);

        service().deleteByAdmin("root", "alice@example.org");
        assertThat(accounts.exists("alice")).isFalse();
        assertThat(refreshTokenRows("alice")).isZero();
        assertThat(service().list(null, 0, 50)).extracting(AccountRecord::username)
                .as("no record under another spelling").noneMatch(name -> name.contains("@"));
    }

    @Test
    void aNameThatNoAccountCanHaveIsNotFound() {
        assertKind(() -> service().disable("root", "alice@elsewhere.org"), Kind.NOT_FOUND);
        assertKind(() -> service().forceLogoutByAdmin("root", "alice@elsewhere.org"), Kind.NOT_FOUND);
        assertKind(() -> service().deleteByAdmin("root", "alice@example.org/phone"), Kind.NOT_FOUND);
        assertKind(() -> service().forceLogoutByAdmin("root", "nobody"), Kind.NOT_FOUND);
        assertThat(accounts.exists("alice")).isTrue();
        assertThat(accounts.closedSessions).isEmpty();
    }

    @Test
    void findShowsAnAccountThePluginHasNotSeenYet() throws Exception {
        AccountRecord bob = service().find("bob");
        assertThat(bob.username()).isEqualTo("bob");
        assertThat(bob.disabled()).isFalse();
        assertThat(bob.registeredAt()).isNull();
    }

    @Test
    void deleteByAdminRemovesTheAccount() throws Exception {
        TokenPair pair = login("alice", "alice-pw");
        service().deleteByAdmin("root", "alice");
        assertThat(accounts.exists("alice")).isFalse();
        assertThat(refreshTokenRows("alice")).isZero();
        assertThatThrownBy(() -> tokens.verify(pair.access().token())).isInstanceOf(TokenRejectedException.class);
    }

    @Test
    void deletionRunsEveryFeaturesDeletionHook() throws Exception {
        login("alice", "alice-pw");
        AccountService service = service();
        java.util.List<String> deleted = new java.util.ArrayList<>();
        service.onDeletion(deleted::add);
        service.deleteByAdmin("root", "alice");
        assertThat(deleted).containsExactly("alice");
    }

    @Test
    void forceLogoutRevokesTokensAndClosesSessionsButKeepsTheAccountUsable() throws Exception {
        TokenPair pair = login("alice", "alice-pw");
        TokenPair bobs = login("bob", "bob-pw");
        clock.advance(Duration.ofSeconds(1));

        assertThat(service().forceLogout("alice")).isZero(); // the in-memory store has no sessions to count
        assertThat(accounts.closedSessions).containsOnlyKeys("alice");
        assertThatThrownBy(() -> tokens.verify(pair.access().token())).isInstanceOf(TokenRejectedException.class);
        assertThatThrownBy(() -> tokens.refresh(pair.refreshToken())).isInstanceOf(TokenRejectedException.class);
        assertThat(tokens.verify(bobs.access().token()).username()).isEqualTo("bob");

        TokenPair again = login("alice", "alice-pw");
        assertThat(tokens.verify(again.access().token()).username()).as("a new login works at once")
                .isEqualTo("alice");
    }

    @Test
    void listAndCountComeFromTheDirectory() throws Exception {
        service().register("carol", GOOD, ADDRESS);
        service().register("carl", GOOD, ADDRESS);
        assertThat(service().list("car", 0, 10)).extracting(AccountRecord::username).containsExactly("carl", "carol");
        assertThat(service().count("car")).isEqualTo(2);
    }

    private long refreshTokenRows(String username) throws Exception {
        try (var connection = database.dataSource().getConnection();
             var query = connection.prepareStatement("SELECT count(*) FROM refresh_token WHERE username = ?")) {
            query.setString(1, username);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
