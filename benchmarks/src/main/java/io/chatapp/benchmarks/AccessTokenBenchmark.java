package io.chatapp.benchmarks;

import io.chatapp.plugin.auth.AccessToken;
import io.chatapp.plugin.auth.AccessTokens;
import io.chatapp.plugin.auth.KeySource;
import io.chatapp.plugin.auth.SigningKey;
import io.chatapp.plugin.auth.TokenRejectedException;
import io.chatapp.plugin.config.AuthSettings;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Access token issuance and verification on one thread (issue 3 targets: verification at least 20,000/s on one
 * core, issuance at least 5,000/s). Keys come from memory: the database is not on this path once keys are loaded.
 *
 * <ul>
 *   <li>{@code issue}: a new token, signed.</li>
 *   <li>{@code verifyCold}: a token this node has not verified before, so a full parse and signature check. The
 *       tokens come from a pool of {@code distinctTokens}, far larger than the verified-token cache
 *       (4,096 slots): by the time a token comes round again, tens of thousands of others have been verified, and
 *       the chance that none of them took its slot is about e<sup>-16</sup>.</li>
 *   <li>{@code verifyCached}: the same token again and again, as a client presents it on every call.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class AccessTokenBenchmark {

    @Param("65536")
    public int distinctTokens;

    private AccessTokens tokens;
    private String token;
    private String[] coldTokens;
    private int next;

    @Setup
    public void setUp() throws GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        SigningKey key = new SigningKey("bench-key", pair.getPrivate(), pair.getPublic(), Instant.now());
        KeySource keys = new KeySource() {
            @Override
            public SigningKey current() {
                return key;
            }

            @Override
            public Optional<PublicKey> verificationKey(String kid) {
                return kid.equals(key.kid()) ? Optional.of(key.publicKey()) : Optional.empty();
            }
        };
        tokens = new AccessTokens(keys, new AuthSettings("chatapp", "chatapp", Duration.ofMinutes(15),
                Duration.ofDays(30), Duration.ofDays(30)), Clock.systemUTC());
        token = tokens.issue("alice@example.org", List.of("user")).token();
        coldTokens = new String[distinctTokens];
        for (int i = 0; i < coldTokens.length; i++) {
            coldTokens[i] = tokens.issue("user" + i + "@example.org", List.of("user")).token();
        }
    }

    @Benchmark
    public AccessToken issue() {
        return tokens.issue("alice@example.org", List.of("user"));
    }

    @Benchmark
    public AccessToken verifyCold() throws TokenRejectedException {
        String distinct = coldTokens[next];
        next = next + 1 == coldTokens.length ? 0 : next + 1;
        return tokens.verify(distinct);
    }

    @Benchmark
    public AccessToken verifyCached() throws TokenRejectedException {
        return tokens.verify(token);
    }
}
