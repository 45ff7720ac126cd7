package io.chatapp.benchmarks.login;

import io.chatapp.plugin.auth.AccountStatus;
import io.chatapp.plugin.auth.GuardedSaslProvider;
import io.chatapp.plugin.auth.LoginGuard;
import io.chatapp.plugin.config.AccountSettings.LockoutSettings;
import java.lang.reflect.Proxy;
import java.security.Provider;
import java.security.Security;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.security.sasl.Sasl;
import javax.security.sasl.SaslException;
import javax.security.sasl.SaslServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * What it costs the server to start a SASL exchange: Openfire calls {@code Sasl.createSaslServer} for every
 * {@code <auth/>}, including each login the admission then refuses as busy, and the login guard, first in the
 * provider list, looks up the provider behind it. The JDK's own providers are installed, plus one registered the way
 * Openfire's SASL provider is (a property naming a factory class), and with {@code providers=jdk+bc} BouncyCastle's,
 * which Openfire 4.2 installs (some 3,000 keys; put its {@code bcprov} jar on the class path, docs/benchmarks.md).
 *
 * <ul>
 *   <li>{@code guardedServer}: the whole call, as Openfire makes it: the JDK's provider filter, then the guard.</li>
 *   <li>{@code filterLookup}: the guard's old lookup of its delegate, {@code Security.getProviders("SaslServerFactory.PLAIN")}:
 *       every provider without that property has all its keys compared, case-insensitively.</li>
 *   <li>{@code serviceLookup}: its lookup now: each provider asked for the service.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class SaslLookupBenchmark {

    private static final String MECHANISM = "PLAIN";
    private static final String LEGACY_PROVIDER = "ChatAppBenchLegacySasl";
    private static final String BOUNCY_CASTLE = "org.bouncycastle.jce.provider.BouncyCastleProvider";

    /** {@code jdk}: the JDK's providers; {@code jdk+bc}: and BouncyCastle's, as in Openfire. */
    @Param({"jdk", "jdk+bc"})
    public String providers;

    private String bouncyCastleName;

    @Setup
    public void install() throws ReflectiveOperationException {
        if (providers.contains("bc")) {
            Provider bouncyCastle = (Provider) Class.forName(BOUNCY_CASTLE).getConstructor().newInstance();
            bouncyCastleName = bouncyCastle.getName();
            Security.addProvider(bouncyCastle);
        }
        Provider legacy = new Provider(LEGACY_PROVIDER, "1.0", "a SASL provider registered by property") {
            private static final long serialVersionUID = 1L;
        };
        legacy.put("SaslServerFactory." + MECHANISM, PlainFactory.class.getName());
        Security.addProvider(legacy);
        LoginGuard guard = new LoginGuard(new LockoutSettings(5, 100, Duration.ofSeconds(10), Duration.ofMinutes(5),
                Duration.ofHours(1)), Clock.systemUTC());
        Security.insertProviderAt(new GuardedSaslProvider(guard, AccountStatus.NONE, "example.org", props -> null),
                1);
    }

    @TearDown
    public void uninstall() {
        Security.removeProvider(GuardedSaslProvider.NAME);
        Security.removeProvider(LEGACY_PROVIDER);
        if (bouncyCastleName != null) {
            Security.removeProvider(bouncyCastleName);
        }
    }

    @Benchmark
    public SaslServer guardedServer() throws SaslException {
        return Sasl.createSaslServer(MECHANISM, "xmpp", "example.org", Map.of(), null);
    }

    @Benchmark
    public Provider[] filterLookup() {
        return Security.getProviders("SaslServerFactory." + MECHANISM);
    }

    @Benchmark
    public Provider.Service serviceLookup() {
        for (Provider provider : Security.getProviders()) {
            Provider.Service service = provider.getService("SaslServerFactory", MECHANISM);
            if (service != null && !provider.getName().equals(GuardedSaslProvider.NAME)) {
                return service;
            }
        }
        return null;
    }

    /** A PLAIN factory whose server is never used: the benchmark stops at its creation. */
    public static final class PlainFactory implements javax.security.sasl.SaslServerFactory {

        /** Names its mechanism and answers nothing else (false or null): no exchange is ever run on it. */
        private static final SaslServer UNUSED = (SaslServer) Proxy.newProxyInstance(
                SaslServer.class.getClassLoader(), new Class<?>[] {SaslServer.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getMechanismName" -> MECHANISM;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> method.getReturnType() == boolean.class ? Boolean.FALSE : null;
                });

        @Override
        public SaslServer createSaslServer(String mechanism, String protocol, String serverName, Map<String, ?> props,
                                           javax.security.auth.callback.CallbackHandler handler) {
            return UNUSED;
        }

        @Override
        public String[] getMechanismNames(Map<String, ?> props) {
            return new String[] {MECHANISM};
        }
    }
}
