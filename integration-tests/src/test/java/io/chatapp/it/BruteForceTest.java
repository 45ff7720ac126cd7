package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import io.chatapp.it.PluginApi.Answer;
import java.util.HashMap;
import java.util.Map;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Password guessing, on HTTP and over XMPP SASL: 1000 wrong passwords lock the account and the attacker's address,
 * the lock tells nothing about whether the account exists, other users are unaffected, and the right password works
 * again once the lock is over. Locks here are short (1–5 s) so the test can wait them out.
 */
class BruteForceTest {

    @RegisterExtension
    static final ChatServerExtension SERVER = ChatServerExtension.withProperties(Map.of(
            "chatapp.lockout.accountAttempts", "5",
            "chatapp.lockout.addressAttempts", "20",
            "chatapp.lockout.firstSeconds", "1",
            "chatapp.lockout.maxSeconds", "5"));

    private final DevServer server;
    private final TestUsers users;

    BruteForceTest(DevServer server, TestUsers users) {
        this.server = server;
        this.users = users;
    }

    @Test
    void aThousandWrongPasswordsLockTheAccountAndTheAddressButNoOneElse() throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        PluginApi attacker = new PluginApi(server, "127.0.0.2");
        PluginApi honest = new PluginApi(server, "127.0.0.1");

        Map<Integer, Integer> statuses = new HashMap<>();
        Answer last = null;
        for (int i = 0; i < 1000; i++) {
            last = attacker.token(alice.username(), "guess-" + i);
            statuses.merge(last.status(), 1, Integer::sum);
        }
        assertThat(statuses.keySet()).containsOnly(401, 429);
        assertThat(statuses.get(401)).as("password checks actually made").isLessThan(40);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.text("error")).isEqualTo("too_many_requests");
        assertThat(Long.parseLong(last.headers().get("retry-after"))).isBetween(1L, 5L);

        // Continue from a fresh lock, so the checks below cannot straddle its end: wait for the current lock to pass
        // and let one more guess be counted, which locks the account again at once, for the maximum.
        Answer counted;
        do {
            Thread.sleep(100);
            counted = attacker.token(alice.username(), "one-more-guess");
        } while (counted.status() == 429);
        assertThat(counted.status()).isEqualTo(401);

        assertThat(honest.token(alice.username(), alice.password()).status())
                .as("even the right password waits while the account is locked").isEqualTo(429);
        assertThat(honest.token(bob.username(), bob.password()).status()).as("other users log in").isEqualTo(200);

        // Spraying one guess over many accounts locks the address, whichever account it tries next.
        for (int i = 0; i < 20; i++) {
            attacker.token(users.unregistered("sprayed").username(), "guess");
        }
        assertThat(attacker.token(bob.username(), bob.password()).status())
                .as("the attacking address is locked for every account").isEqualTo(429);
        assertThat(honest.token(bob.username(), bob.password()).status()).as("but not other addresses")
                .isEqualTo(200);
        XMPPTCPConnection saslDuringLock = XmppLogins.password(server);
        try {
            saslDuringLock.connect();
            assertThatThrownBy(() -> saslDuringLock.login(alice.username(), alice.password()))
                    .as("the lock holds on the XMPP path too").isInstanceOf(SASLErrorException.class);
        } finally {
            saslDuringLock.instantShutdown();
        }

        Thread.sleep(5_500);
        assertThat(honest.token(alice.username(), alice.password()).status()).as("after the lock").isEqualTo(200);
        XMPPTCPConnection afterLock = XmppLogins.password(server);
        afterLock.connect().login(alice.username(), alice.password());
        assertThat(afterLock.isAuthenticated()).isTrue();
        afterLock.disconnect();
    }

    @Test
    void anUnknownAccountIsLockedExactlyLikeAKnownOne() throws Exception {
        TestUser carol = users.create("carol");
        String ghost = users.unregistered("ghost").username();
        PluginApi attacker = new PluginApi(server, "127.0.0.4");
        for (String name : new String[] {carol.username(), ghost}) {
            StringBuilder seen = new StringBuilder();
            for (int i = 0; i < 7; i++) {
                Answer answer = attacker.token(name, "wrong-" + i);
                seen.append(answer.status()).append(' ').append(answer.text("error")).append(';');
            }
            assertThat(seen.toString()).as(name).isEqualTo("401 invalid_grant;".repeat(5)
                    + "429 too_many_requests;".repeat(2));
            Thread.sleep(3_100);
        }
    }

    @Test
    void failedSaslLoginsCountTowardsTheSameLock() throws Exception {
        TestUser dave = users.create("dave");
        for (int i = 0; i < 5; i++) {
            XMPPTCPConnection guess = XmppLogins.password(server);
            try {
                guess.connect();
                int attempt = i;
                assertThatThrownBy(() -> guess.login(dave.username(), "wrong-" + attempt))
                        .isInstanceOf(SASLErrorException.class);
            } finally {
                // Not disconnect(): Openfire 4.2 makes it wait seconds for a closing tag, longer than the lock.
                guess.instantShutdown();
            }
        }
        assertThat(new PluginApi(server, "127.0.0.5").token(dave.username(), dave.password()).status())
                .as("locked by the SASL failures").isEqualTo(429);
        Thread.sleep(3_100);
        assertThat(new PluginApi(server, "127.0.0.5").token(dave.username(), dave.password()).status())
                .isEqualTo(200);
    }
}
