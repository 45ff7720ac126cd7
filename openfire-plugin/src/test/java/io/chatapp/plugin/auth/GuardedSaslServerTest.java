package io.chatapp.plugin.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.plugin.config.AccountSettings.LockoutSettings;
import io.chatapp.plugin.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.security.sasl.SaslException;
import javax.security.sasl.SaslServer;
import org.junit.jupiter.api.Test;

/** The guard around one SASL exchange, with a fake mechanism behind it. */
class GuardedSaslServerTest {

    private static final String ADDRESS = "192.0.2.1";
    private static final Map<String, String> PASSWORDS = Map.of("alice", "alice-pw", "bob", "bob-pw");

    private final MutableClock clock = new MutableClock("2026-11-24T10:00:00Z");
    private final LoginGuard guard = new LoginGuard(new LockoutSettings(3, 100, Duration.ofSeconds(10),
            Duration.ofMinutes(5), Duration.ofHours(1)), clock);
    private final FakeSaslServers.Status status = new FakeSaslServers.Status();
    private final AtomicInteger delegateCalls = new AtomicInteger();

    private SaslServer plain() {
        return new GuardedSaslServer(new FakeSaslServers.Plain(PASSWORDS, delegateCalls), guard, status,
                "example.org", ADDRESS);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void loginPlain(String user, String password) throws SaslException {
        plain().evaluateResponse(bytes("\u0000" + user + "\u0000" + password));
    }

    @Test
    void rightPasswordCompletesAndIsNoted() throws SaslException {
        SaslServer server = plain();
        assertThat(server.evaluateResponse(bytes("\u0000alice\u0000alice-pw"))).isNull();
        assertThat(server.isComplete()).isTrue();
        assertThat(server.getAuthorizationID()).isEqualTo("alice");
        assertThat(server.getMechanismName()).isEqualTo("PLAIN");
        assertThat(status.logins).containsExactly("alice");
    }

    @Test
    void wrongPasswordsAreCountedUntilTheAccountIsLocked() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> loginPlain("alice", "wrong")).isInstanceOf(SaslException.class)
                    .hasMessage("not authorized");
        }
        assertThat(guard.retryAfter("alice", null)).contains(Duration.ofSeconds(10));
        assertThat(status.logins).isEmpty();
    }

    @Test
    void aLockedAccountIsRefusedBeforeTheMechanismSeesTheCredentials() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> loginPlain("alice", "wrong")).isInstanceOf(SaslException.class);
        }
        int callsBefore = delegateCalls.get();

        assertThatThrownBy(() -> loginPlain("alice", "alice-pw")).isInstanceOf(SaslException.class)
                .hasMessageContaining("Too many failed logins");
        assertThat(delegateCalls.get()).as("the password was never checked").isEqualTo(callsBefore);
        assertThat(guard.retryAfter("alice", null)).as("the refused attempt did not lengthen the lock")
                .contains(Duration.ofSeconds(10));

        assertThatThrownBy(() -> loginPlain("ALICE@example.org", "alice-pw")).as("any spelling of the name")
                .isInstanceOf(SaslException.class).hasMessageContaining("Too many failed logins");

        clock.advance(Duration.ofSeconds(10));
        assertThat(status.logins).isEmpty();
    }

    @Test
    void otherAccountsCanStillLogIn() throws SaslException {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> loginPlain("alice", "wrong")).isInstanceOf(SaslException.class);
        }
        loginPlain("bob", "bob-pw");
        assertThat(status.logins).containsExactly("bob");
    }

    @Test
    void successResetsTheAccountCount() throws SaslException {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> loginPlain("alice", "wrong")).isInstanceOf(SaslException.class);
        }
        loginPlain("alice", "alice-pw");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> loginPlain("alice", "wrong")).isInstanceOf(SaslException.class);
        }
        assertThat(guard.retryAfter("alice", null)).as("2 failures since the success: not locked").isEmpty();
    }

    @Test
    void aDisabledAccountIsRefusedEvenWithTheRightPassword() {
        status.disabled.add("alice");
        SaslServer server = plain();
        assertThatThrownBy(() -> server.evaluateResponse(bytes("\u0000alice\u0000alice-pw")))
                .isInstanceOf(SaslException.class).hasMessageContaining("disabled");
        assertThat(status.logins).isEmpty();
    }

    @Test
    void theServersRefusalsNameALockOutAndADisabledAccount() throws SaslException {
        SaslRefusals named = new SaslRefusals() {
            @Override
            public SaslException invalidAuthzid(String message) {
                return new SaslException("invalid-authzid");
            }

            @Override
            public SaslException lockedOut(String message) {
                return new SaslException("temporary-auth-failure: " + message);
            }

            @Override
            public SaslException accountDisabled(String message) {
                return new SaslException("account-disabled: " + message);
            }
        };
        status.disabled.add("bob");
        assertThatThrownBy(() -> guarded(named).evaluateResponse(bytes("\u0000bob\u0000bob-pw")))
                .hasMessageStartingWith("account-disabled");
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> loginPlain("alice", "wrong")).hasMessage("not authorized");
        }
        assertThatThrownBy(() -> guarded(named).evaluateResponse(bytes("\u0000alice\u0000alice-pw")))
                .hasMessage("temporary-auth-failure: " + LockedOutException.MESSAGE);
    }

    private SaslServer guarded(SaslRefusals refusals) {
        return new GuardedSaslServer(new FakeSaslServers.Plain(PASSWORDS, delegateCalls), guard, status,
                "example.org", ADDRESS, refusals);
    }

    @Test
    void theNameIsCanonicalisedBeforeTheDisabledCheck() {
        status.disabled.add("alice");
        FakeSaslServers.Plain upperCase = new FakeSaslServers.Plain(Map.of("Alice@Example.org", "pw"), delegateCalls);
        SaslServer server = new GuardedSaslServer(upperCase, guard, status, "example.org", ADDRESS);
        assertThatThrownBy(() -> server.evaluateResponse(bytes("\u0000Alice@Example.org\u0000pw")))
                .isInstanceOf(SaslException.class).hasMessageContaining("disabled");
    }

    @Test
    void anAddressLockRefusesEveryAccount() {
        LoginGuard strictAddresses = new LoginGuard(new LockoutSettings(100, 2, Duration.ofSeconds(10),
                Duration.ofMinutes(5), Duration.ofHours(1)), clock);
        for (String user : new String[] {"alice", "bob"}) {
            SaslServer server = new GuardedSaslServer(new FakeSaslServers.Plain(PASSWORDS, delegateCalls),
                    strictAddresses, status, "example.org", ADDRESS);
            assertThatThrownBy(() -> server.evaluateResponse(bytes("\u0000" + user + "\u0000wrong")))
                    .isInstanceOf(SaslException.class);
        }
        SaslServer fromThere = new GuardedSaslServer(new FakeSaslServers.Plain(PASSWORDS, delegateCalls),
                strictAddresses, status, "example.org", ADDRESS);
        assertThatThrownBy(() -> fromThere.evaluateResponse(bytes("\u0000carol\u0000x")))
                .hasMessageContaining("Too many failed logins");
        SaslServer fromElsewhere = new GuardedSaslServer(new FakeSaslServers.Plain(PASSWORDS, delegateCalls),
                strictAddresses, status, "example.org", "192.0.2.99");
        assertThatThrownBy(() -> fromElsewhere.evaluateResponse(bytes("\u0000carol\u0000x")))
                .hasMessage("not authorized");
    }

    @Test
    void anEmptyFirstResponseIsAllowedAndTheNameIsReadFromTheNext() throws SaslException {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> loginPlain("alice", "wrong")).isInstanceOf(SaslException.class);
        }
        SaslServer server = plain();
        assertThat(server.evaluateResponse(new byte[0])).isEmpty();
        assertThatThrownBy(() -> server.evaluateResponse(bytes("\u0000alice\u0000alice-pw")))
                .hasMessageContaining("Too many failed logins");
    }

    @Test
    void aMultiStepMechanismCountsTheFailureAgainstTheUserOfItsFirstMessage() throws SaslException {
        for (int i = 0; i < 3; i++) {
            SaslServer server = new GuardedSaslServer(new FakeSaslServers.TwoStep(PASSWORDS), guard, status,
                    "example.org", ADDRESS);
            assertThat(server.evaluateResponse(bytes("n,,n=alice,r=abc"))).isNotEmpty();
            assertThatThrownBy(() -> server.evaluateResponse(bytes("p=wrong"))).hasMessage("bad proof");
        }
        assertThat(guard.retryAfter("alice", null)).isPresent();

        SaslServer locked = new GuardedSaslServer(new FakeSaslServers.TwoStep(PASSWORDS), guard, status,
                "example.org", ADDRESS);
        assertThatThrownBy(() -> locked.evaluateResponse(bytes("n,,n=alice,r=abc")))
                .hasMessageContaining("Too many failed logins");

        SaslServer bob = new GuardedSaslServer(new FakeSaslServers.TwoStep(PASSWORDS), guard, status,
                "example.org", "192.0.2.2");
        bob.evaluateResponse(bytes("n,,n=bob,r=abc"));
        bob.evaluateResponse(bytes("p=bob-pw"));
        assertThat(bob.isComplete()).isTrue();
        assertThat(status.logins).containsExactly("bob");
    }

    @Test
    void loginsBeyondTheLimitAreRefusedAsBusyWithoutLookingOrCounting() throws SaslException {
        LoginAdmission admission = new LoginAdmission(1, System::nanoTime);
        SaslServer alice = twoStep(admission);
        alice.evaluateResponse(bytes("n,,n=alice,r=abc"));

        for (int i = 0; i < 5; i++) {
            SaslServer bob = new GuardedSaslServer(new FakeSaslServers.Plain(PASSWORDS, delegateCalls), guard, status,
                    "example.org", ADDRESS, SaslRefusals.NOT_AUTHORIZED, admission);
            assertThatThrownBy(() -> bob.evaluateResponse(bytes("\u0000bob\u0000bob-pw")))
                    .isInstanceOf(SaslException.class).hasMessage(GuardedSaslServer.BUSY);
        }
        assertThat(delegateCalls.get()).as("the refused logins' credentials were never checked").isZero();
        assertThat(guard.retryAfter("bob", ADDRESS)).as("a busy refusal is not a failed login").isEmpty();

        alice.evaluateResponse(bytes("p=alice-pw"));
        assertThat(alice.isComplete()).isTrue();
        assertThat(admission.inProgress()).as("the finished exchange gave its slot back").isZero();
        SaslServer bob = twoStep(admission);
        bob.evaluateResponse(bytes("n,,n=bob,r=abc"));
        bob.evaluateResponse(bytes("p=bob-pw"));
        assertThat(status.logins).containsExactly("alice", "bob");
    }

    @Test
    void everyEndOfAnExchangeGivesItsSlotBack() throws SaslException {
        LoginAdmission admission = new LoginAdmission(1, System::nanoTime);
        SaslServer wrong = twoStep(admission);
        wrong.evaluateResponse(bytes("n,,n=alice,r=abc"));
        assertThatThrownBy(() -> wrong.evaluateResponse(bytes("p=wrong"))).hasMessage("bad proof");
        assertThat(admission.inProgress()).as("after a failure").isZero();

        for (int i = 0; i < 2; i++) {
            SaslServer again = twoStep(admission);
            again.evaluateResponse(bytes("n,,n=alice,r=abc"));
            assertThatThrownBy(() -> again.evaluateResponse(bytes("p=wrong"))).hasMessage("bad proof");
        }
        assertThatThrownBy(() -> twoStep(admission).evaluateResponse(bytes("n,,n=alice,r=abc")))
                .hasMessageContaining("Too many failed logins");
        assertThat(admission.inProgress()).as("after a lock-out refusal").isZero();

        status.disabled.add("bob");
        SaslServer disabled = twoStep(admission);
        disabled.evaluateResponse(bytes("n,,n=bob,r=abc"));
        assertThatThrownBy(() -> disabled.evaluateResponse(bytes("p=bob-pw"))).hasMessage("Account disabled");
        assertThat(admission.inProgress()).as("after a disabled account's refusal").isZero();

        SaslServer abandoned = twoStep(admission);
        abandoned.evaluateResponse(bytes("n,,n=carol,r=abc"));
        abandoned.dispose();
        assertThat(admission.inProgress()).as("after dispose").isZero();
    }

    private SaslServer twoStep(LoginAdmission admission) {
        return new GuardedSaslServer(new FakeSaslServers.TwoStep(PASSWORDS), guard, status, "example.org", ADDRESS,
                SaslRefusals.NOT_AUTHORIZED, admission);
    }
}
