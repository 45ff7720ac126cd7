package io.chatapp.plugin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.plugin.config.AccountSettings.LockoutSettings;
import io.chatapp.plugin.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Counting failed logins per account and per address, and the locks that follow. */
class LoginGuardTest {

    /** 3 failures lock an account, 5 an address; locks of 10 s doubling up to 60 s; forgotten after 1 h. */
    private static final LockoutSettings SETTINGS = new LockoutSettings(3, 5, Duration.ofSeconds(10),
            Duration.ofSeconds(60), Duration.ofHours(1));

    private final MutableClock clock = new MutableClock("2026-11-24T10:00:00Z");
    private final LoginGuard guard = new LoginGuard(SETTINGS, clock);

    private void fail(String account, String address, int times) {
        for (int i = 0; i < times; i++) {
            guard.failed(account, address);
        }
    }

    @Test
    void nothingIsLockedAtFirst() {
        assertThat(guard.retryAfter("alice", "192.0.2.1")).isEmpty();
    }

    @Test
    void anAccountIsLockedAfterItsNthFailureFromAnyAddress() {
        guard.failed("alice", "192.0.2.1");
        guard.failed("alice", "192.0.2.2");
        assertThat(guard.retryAfter("alice", "192.0.2.3")).as("two failures are allowed").isEmpty();

        guard.failed("alice", "192.0.2.3");
        assertThat(guard.retryAfter("alice", "192.0.2.9")).contains(Duration.ofSeconds(10));
        assertThat(guard.retryAfter("alice", null)).contains(Duration.ofSeconds(10));
    }

    @Test
    void theLockEndsAfterItsDuration() {
        fail("alice", "192.0.2.1", 3);
        clock.advance(Duration.ofSeconds(4));
        assertThat(guard.retryAfter("alice", "192.0.2.7")).contains(Duration.ofSeconds(6));
        clock.advance(Duration.ofSeconds(6));
        assertThat(guard.retryAfter("alice", "192.0.2.7")).isEmpty();
    }

    @Test
    void anAddressIsLockedAfterItsMthFailureWhateverTheAccounts() {
        for (int i = 0; i < 4; i++) {
            guard.failed("user" + i, "192.0.2.1");
        }
        assertThat(guard.retryAfter("someone-else", "192.0.2.1")).isEmpty();

        guard.failed("user4", "192.0.2.1");
        assertThat(guard.retryAfter("someone-else", "192.0.2.1")).contains(Duration.ofSeconds(10));
        assertThat(guard.retryAfter(null, "192.0.2.1")).contains(Duration.ofSeconds(10));
        assertThat(guard.retryAfter("someone-else", "192.0.2.2")).as("other addresses are free").isEmpty();
    }

    @Test
    void eachFailureAfterALockDoublesItUpToTheMaximum() {
        fail("alice", null, 3);
        assertThat(guard.retryAfter("alice", null)).contains(Duration.ofSeconds(10));

        // The caller waits out each lock (refused attempts are not reported as failures), then fails again.
        long[] expected = {20, 40, 60, 60};
        for (long seconds : expected) {
            clock.advance(guard.retryAfter("alice", null).orElseThrow());
            assertThat(guard.retryAfter("alice", null)).isEmpty();
            guard.failed("alice", null);
            assertThat(guard.retryAfter("alice", null)).contains(Duration.ofSeconds(seconds));
        }
    }

    @Test
    void aLongSeriesOfFailuresStaysCappedAndDoesNotOverflow() {
        for (int i = 0; i < 200; i++) {
            clock.advance(Duration.ofSeconds(61));
            guard.failed("alice", null);
        }
        assertThat(guard.retryAfter("alice", null)).contains(Duration.ofSeconds(60));
    }

    @Test
    void refusedAttemptsAreNotCountedSoTheLockDoesNotGrow() {
        fail("alice", "192.0.2.1", 3);
        // The caller checks retryAfter first and does not report the refused attempts as failures.
        for (int i = 0; i < 50; i++) {
            assertThat(guard.retryAfter("alice", "192.0.2.1")).isPresent();
        }
        clock.advance(Duration.ofSeconds(10));
        assertThat(guard.retryAfter("alice", "192.0.2.1")).isEmpty();
        guard.failed("alice", "192.0.2.1");
        assertThat(guard.retryAfter("alice", "192.0.2.1")).as("only the 4th real failure: doubled once")
                .contains(Duration.ofSeconds(20));
    }

    @Test
    void successClearsTheAccountCountButNotTheAddressCount() {
        fail("alice", "192.0.2.1", 2);
        fail("bob", "192.0.2.1", 2);
        guard.succeeded("alice");

        guard.failed("alice", "192.0.2.2");
        guard.failed("alice", "192.0.2.2");
        assertThat(guard.retryAfter("alice", "192.0.2.2")).as("alice starts again from zero").isEmpty();

        guard.failed("carol", "192.0.2.1");
        assertThat(guard.retryAfter("carol", "192.0.2.1"))
                .as("the address still has its earlier failures: 2 + 2 + 1 = 5").contains(Duration.ofSeconds(10));
    }

    @Test
    void successLiftsAnAccountLock() {
        fail("alice", null, 3);
        guard.succeeded("alice");
        assertThat(guard.retryAfter("alice", null)).isEmpty();
    }

    @Test
    void otherAccountsAreUnaffected() {
        fail("alice", null, 3);
        assertThat(guard.retryAfter("alice", null)).isPresent();
        assertThat(guard.retryAfter("bob", null)).isEmpty();
        assertThat(guard.retryAfter("ALICE", null)).as("keys are compared as given (callers canonicalise)").isEmpty();
    }

    @Test
    void failuresOlderThanForgetAfterDoNotAddUp() {
        fail("alice", null, 2);
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        guard.failed("alice", null);
        assertThat(guard.retryAfter("alice", null)).as("the old two are forgotten").isEmpty();
        guard.failed("alice", null);
        guard.failed("alice", null);
        assertThat(guard.retryAfter("alice", null)).contains(Duration.ofSeconds(10));
    }

    @Test
    void forgetOldDropsOnlyEntriesPastForgetAfter() {
        guard.failed("alice", "192.0.2.1");
        clock.advance(Duration.ofMinutes(30));
        guard.failed("bob", "192.0.2.2");
        assertThat(guard.trackedEntries()).isEqualTo(4);

        guard.forgetOld();
        assertThat(guard.trackedEntries()).as("nothing is an hour old yet").isEqualTo(4);

        clock.advance(Duration.ofMinutes(31));
        guard.forgetOld();
        assertThat(guard.trackedEntries()).as("alice and 192.0.2.1 are forgotten").isEqualTo(2);

        clock.advance(Duration.ofMinutes(30));
        guard.forgetOld();
        assertThat(guard.trackedEntries()).isZero();
    }

    @Test
    void forgetOldKeepsAnEntryWhoseLockIsNotOver() {
        LoginGuard longLocks = new LoginGuard(new LockoutSettings(1, 100, Duration.ofHours(2), Duration.ofHours(2),
                Duration.ofHours(1)), clock);
        longLocks.failed("alice", null);
        clock.advance(Duration.ofMinutes(90));
        longLocks.forgetOld();
        assertThat(longLocks.trackedEntries()).isEqualTo(1);
        assertThat(longLocks.retryAfter("alice", null)).contains(Duration.ofMinutes(30));
    }

    @Test
    void nullAccountOrAddressIsIgnored() {
        fail(null, null, 10);
        assertThat(guard.trackedEntries()).isZero();
        assertThat(guard.retryAfter(null, null)).isEmpty();

        fail(null, "192.0.2.1", 5);
        assertThat(guard.retryAfter(null, "192.0.2.1")).isPresent();
        assertThat(guard.retryAfter("alice", "192.0.2.1")).isPresent();
        assertThat(guard.trackedEntries()).as("only the address").isEqualTo(1);

        guard.succeeded(null);
        fail("alice", null, 3);
        assertThat(guard.retryAfter("alice", null)).isPresent();
    }

    @Test
    void eitherLockRefusesUntilTheLaterOneEnds() {
        fail("alice", "192.0.2.1", 3);       // account locked 10 s
        clock.advance(Duration.ofSeconds(10));
        fail("bob", "192.0.2.1", 2);        // address: 5th failure → locked 10 s from now
        assertThat(guard.retryAfter("alice", "192.0.2.1")).contains(Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(10));
        guard.failed("alice", "192.0.2.1"); // account 4th → 20 s; address 6th → 20 s
        assertThat(guard.retryAfter("alice", "192.0.2.1")).contains(Duration.ofSeconds(20));
        assertThat(guard.retryAfter("alice", "192.0.2.5")).contains(Duration.ofSeconds(20));
    }
}
