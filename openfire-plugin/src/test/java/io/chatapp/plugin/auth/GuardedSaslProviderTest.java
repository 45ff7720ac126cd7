package io.chatapp.plugin.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.plugin.config.AccountSettings.LockoutSettings;
import io.chatapp.plugin.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.security.Security;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.security.auth.callback.CallbackHandler;
import javax.security.sasl.Sasl;
import javax.security.sasl.SaslException;
import javax.security.sasl.SaslServer;
import javax.security.sasl.SaslServerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The guard as the JDK's SASL framework (and so Openfire) finds it: first in the provider list, in front of the
 * provider that really implements PLAIN (here a fake standing in for Openfire's).
 */
class GuardedSaslProviderTest {

    private static final String FAKE_PROVIDER = "ChatAppTestPlain";
    private static final Map<String, String> PASSWORDS = Map.of("alice", "alice-pw", "bob", "bob-pw");
    private static final AtomicInteger delegateCalls = new AtomicInteger();
    private static final MutableClock clock = new MutableClock("2026-11-24T10:00:00Z");
    private static LoginGuard guard;
    private static final FakeSaslServers.Status status = new FakeSaslServers.Status();

    /** A JCA provider offering a PLAIN server factory, like Openfire's own. */
    private static final class FakePlainProvider extends Provider {

        private static final long serialVersionUID = 1L;

        FakePlainProvider() {
            super(FAKE_PROVIDER, "1.0", "test PLAIN");
            SaslServerFactory factory = new SaslServerFactory() {
                @Override
                public SaslServer createSaslServer(String mechanism, String protocol, String serverName,
                                                   Map<String, ?> props, CallbackHandler cbh) {
                    return "PLAIN".equals(mechanism) ? new FakeSaslServers.Plain(PASSWORDS, delegateCalls) : null;
                }

                @Override
                public String[] getMechanismNames(Map<String, ?> props) {
                    return new String[] {"PLAIN"};
                }
            };
            putService(new Service(this, "SaslServerFactory", "PLAIN", "test.FakePlainFactory", null, null) {
                @Override
                public Object newInstance(Object constructorParameter) {
                    return factory;
                }
            });
        }
    }

    @BeforeAll
    static void install() {
        guard = new LoginGuard(new LockoutSettings(3, 100, Duration.ofSeconds(10), Duration.ofMinutes(5),
                Duration.ofHours(1)), clock);
        Security.addProvider(new FakePlainProvider());
        Security.insertProviderAt(new GuardedSaslProvider(guard, status, "example.org",
                props -> props == null ? null : (String) props.get("test.address")), 1);
    }

    @AfterAll
    static void uninstall() {
        Security.removeProvider(GuardedSaslProvider.NAME);
        Security.removeProvider(FAKE_PROVIDER);
    }

    @BeforeEach
    void freshGuard() {
        // Each test uses its own user names where counts matter; the clock moves past any earlier lock.
        clock.advance(Duration.ofHours(2));
        status.logins.clear();
        status.disabled.clear();
    }

    private static SaslServer server(String address) throws SaslException {
        return Sasl.createSaslServer("PLAIN", "xmpp", "example.org", Map.of("test.address", address), null);
    }

    private static byte[] plain(String user, String password) {
        return ("\u0000" + user + "\u0000" + password).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theJdkHandsOutTheGuardedWrapperAroundTheRealMechanism() throws SaslException {
        assertThat(Security.getProviders()[0].getName()).isEqualTo(GuardedSaslProvider.NAME);
        SaslServer server = server("192.0.2.1");
        assertThat(server).isInstanceOf(GuardedSaslServer.class);
        assertThat(server.getMechanismName()).isEqualTo("PLAIN");

        int before = delegateCalls.get();
        server.evaluateResponse(plain("alice", "alice-pw"));
        assertThat(delegateCalls.get()).as("the fake PLAIN checked the password").isEqualTo(before + 1);
        assertThat(server.getAuthorizationID()).isEqualTo("alice");
    }

    /** A SASL factory found by class name, as a provider registered the legacy way names it. */
    public static final class LegacyOAuthFactory implements SaslServerFactory {

        @Override
        public SaslServer createSaslServer(String mechanism, String protocol, String serverName,
                                           Map<String, ?> props, CallbackHandler cbh) {
            return TokenSaslServer.X_OAUTH2.equals(mechanism)
                    ? new FakeSaslServers.Plain(PASSWORDS, delegateCalls) : null;
        }

        @Override
        public String[] getMechanismNames(Map<String, ?> props) {
            return new String[] {TokenSaslServer.X_OAUTH2};
        }
    }

    @Test
    void aProviderRegisteredTheLegacyWayIsGuardedToo() throws SaslException {
        // Openfire's own SASL provider lists its factories as properties ("SaslServerFactory.PLAIN" -> class name),
        // not as services; the guard asks each provider for the service, which covers both.
        Provider legacy = new Provider("ChatAppTestLegacy", "1.0", "test legacy registration") {
            private static final long serialVersionUID = 1L;
        };
        legacy.put("SaslServerFactory." + TokenSaslServer.X_OAUTH2, LegacyOAuthFactory.class.getName());
        Security.addProvider(legacy);
        try {
            SaslServer server = Sasl.createSaslServer(TokenSaslServer.X_OAUTH2, "xmpp", "example.org",
                    Map.of("test.address", "192.0.2.40"), null);
            assertThat(server).isInstanceOf(GuardedSaslServer.class);
            int before = delegateCalls.get();
            server.evaluateResponse(plain("bob", "bob-pw"));
            assertThat(delegateCalls.get()).as("the legacy provider's server checked it").isEqualTo(before + 1);
        } finally {
            Security.removeProvider(legacy.getName());
        }
    }

    @Test
    void aMechanismNobodyImplementsGivesNoServer() throws SaslException {
        // The guard offers SCRAM-SHA-1 too, but no provider behind it does here.
        assertThat(Sasl.createSaslServer("SCRAM-SHA-1", "xmpp", "example.org", Map.of(), null)).isNull();
    }

    @Test
    void wrongPasswordsAreCountedAndTheLockRefusesBeforeTheDelegateIsCalled() throws SaslException {
        for (int i = 0; i < 3; i++) {
            SaslServer server = server("192.0.2.10");
            assertThatThrownBy(() -> server.evaluateResponse(plain("carol", "wrong")))
                    .isInstanceOf(SaslException.class);
        }
        int before = delegateCalls.get();
        SaslServer locked = server("192.0.2.11");
        assertThatThrownBy(() -> locked.evaluateResponse(plain("carol", "right-or-not")))
                .isInstanceOf(SaslException.class).hasMessageContaining("Too many failed logins");
        assertThat(delegateCalls.get()).isEqualTo(before);
    }

    @Test
    void theClientAddressComesFromTheProperties() {
        // Two SASL failures are counted under the address the properties give; 98 more make the limit of 100.
        for (String user : new String[] {"u1", "u2"}) {
            assertThatThrownBy(() -> server("198.51.100.7").evaluateResponse(plain(user, "x")))
                    .isInstanceOf(SaslException.class);
        }
        for (int i = 0; i < 98; i++) {
            guard.failed(null, "198.51.100.7");
        }
        assertThatThrownBy(() -> server("198.51.100.7").evaluateResponse(plain("alice", "alice-pw")))
                .hasMessageContaining("Too many failed logins");
        assertThatThrownBy(() -> server("198.51.100.8").evaluateResponse(plain("alice", "wrong")))
                .as("another address is not locked").hasMessage("not authorized");
    }

    @Test
    void successResetsTheAccountCount() throws SaslException {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> server("192.0.2.20").evaluateResponse(plain("bob", "wrong")))
                    .isInstanceOf(SaslException.class);
        }
        server("192.0.2.20").evaluateResponse(plain("bob", "bob-pw"));
        assertThatThrownBy(() -> server("192.0.2.20").evaluateResponse(plain("bob", "wrong")))
                .isInstanceOf(SaslException.class);
        assertThat(guard.retryAfter("bob", null)).isEmpty();
    }

    @Test
    void aDisabledAccountIsRefusedWithTheRightPassword() throws SaslException {
        status.disabled.add("alice");
        SaslServer server = server("192.0.2.30");
        assertThatThrownBy(() -> server.evaluateResponse(plain("alice", "alice-pw")))
                .isInstanceOf(SaslException.class).hasMessageContaining("disabled");
        assertThat(status.logins).isEmpty();
    }

    @Test
    void aSuccessfulLoginIsNotedUnderTheCanonicalName() throws SaslException {
        server("192.0.2.40").evaluateResponse(plain("alice", "alice-pw"));
        assertThat(status.logins).containsExactly("alice");
    }
}
