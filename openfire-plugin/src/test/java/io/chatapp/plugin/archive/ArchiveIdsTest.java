package io.chatapp.plugin.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.plugin.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArchiveIdsTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:15:30.123Z");

    @Test
    void idsCarryTheirTimeToTheMillisecond() {
        ArchiveIds ids = new ArchiveIds(7, Clock.fixed(NOW, java.time.ZoneOffset.UTC));

        long id = ids.next();

        assertThat(ArchiveIds.timeOf(id)).isEqualTo(NOW);
        assertThat(id).isPositive();
        assertThat((id >>> 12) & 1023).as("node bits").isEqualTo(7);
        assertThat(ids.nodeNumber()).isEqualTo(7);
    }

    @Test
    void idsIncreaseStrictlyWithinAMillisecondAndAcrossThem() {
        MutableClock clock = new MutableClock(NOW);
        ArchiveIds ids = new ArchiveIds(3, clock);
        long previous = 0;
        for (int i = 0; i < 10_000; i++) {
            if (i % 100 == 0) {
                clock.advance(Duration.ofMillis(1));
            }
            long id = ids.next();
            assertThat(id).isGreaterThan(previous);
            previous = id;
        }
    }

    @Test
    void aFullMillisecondBorrowsTheNextOneInsteadOfWaiting() {
        MutableClock frozen = new MutableClock(NOW);
        ArchiveIds ids = new ArchiveIds(1, frozen);
        List<Long> made = new ArrayList<>();
        for (int i = 0; i < 4096 * 3; i++) {
            made.add(ids.next());
        }

        assertThat(made).isSorted().doesNotHaveDuplicates();
        assertThat(ArchiveIds.timeOf(made.get(4095))).isEqualTo(NOW);
        assertThat(ArchiveIds.timeOf(made.get(4096))).isEqualTo(NOW.plusMillis(1));
        assertThat(made).allSatisfy(id -> assertThat((id >>> 12) & 1023).isEqualTo(1));
    }

    @Test
    void aClockSteppingBackNeverMakesASmallerId() {
        MutableClock clock = new MutableClock(NOW);
        ArchiveIds ids = new ArchiveIds(0, clock);
        long before = ids.next();

        clock.set(NOW.minusSeconds(5));

        assertThat(ids.next()).isGreaterThan(before);
    }

    @Test
    void differentNodesNeverCollide() {
        Clock clock = Clock.fixed(NOW, java.time.ZoneOffset.UTC);
        ArchiveIds a = new ArchiveIds(1, clock);
        ArchiveIds b = new ArchiveIds(2, clock);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            assertThat(seen.add(a.next())).isTrue();
            assertThat(seen.add(b.next())).isTrue();
        }
    }

    @Test
    void concurrentCallersGetUniqueIncreasingIds() throws Exception {
        ArchiveIds ids = new ArchiveIds(5, Clock.systemUTC());
        int threads = 4;
        int each = 50_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    go.await();
                    long[] made = new long[each];
                    for (int i = 0; i < each; i++) {
                        made[i] = ids.next();
                    }
                    return made;
                }));
            }
            go.countDown();
            Set<Long> all = new HashSet<>();
            for (Future<long[]> result : results) {
                long[] made = result.get();
                for (int i = 0; i < made.length; i++) {
                    if (i > 0) {
                        assertThat(made[i]).as("increasing within a thread").isGreaterThan(made[i - 1]);
                    }
                    all.add(made[i]);
                }
            }
            assertThat(all).hasSize(threads * each);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void lowestAtSeparatesEarlierFromLaterIds() {
        MutableClock clock = new MutableClock(NOW);
        ArchiveIds ids = new ArchiveIds(1023, clock);
        long before = ids.next();
        clock.advance(Duration.ofMillis(1));
        long at = ids.next();

        long bound = ArchiveIds.lowestAt(NOW.plusMillis(1));

        assertThat(before).isLessThan(bound);
        assertThat(at).isGreaterThanOrEqualTo(bound);
        assertThat(ArchiveIds.timeOf(bound)).isEqualTo(NOW.plusMillis(1));
        assertThat(ArchiveIds.lowestAt(NOW.plusNanos(1))).as("sub-millisecond parts are dropped")
                .isEqualTo(ArchiveIds.lowestAt(NOW));
    }

    @Test
    void lowestAtClampsInstantsOutsideTheIdRange() {
        assertThat(ArchiveIds.lowestAt(Instant.parse("2019-12-31T23:59:59Z"))).isZero();
        assertThat(ArchiveIds.lowestAt(Instant.parse("2020-01-01T00:00:00Z"))).isZero();
        assertThat(ArchiveIds.lowestAt(Instant.parse("2200-01-01T00:00:00Z"))).isEqualTo(Long.MAX_VALUE);
        assertThat(ArchiveIds.lowestAt(Instant.MAX)).isEqualTo(Long.MAX_VALUE);
        assertThat(ArchiveIds.lowestAt(Instant.MIN)).isZero();
    }

    @Test
    void formatAndParseAreInverse() {
        ArchiveIds ids = new ArchiveIds(9, Clock.systemUTC());
        for (int i = 0; i < 1000; i++) {
            long id = ids.next();
            assertThat(ArchiveIds.parse(ArchiveIds.format(id))).hasValue(id);
        }
        assertThat(ArchiveIds.format(117422108360704001L)).isEqualTo("117422108360704001");
        assertThat(ArchiveIds.parse(String.valueOf(Long.MAX_VALUE))).hasValue(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 1", "1 ", "+1", "-1", "0", "01", "1a", "abc", "1.5", "9223372036854775808",
            "99999999999999999999", "١٢٣"})
    void parseRejectsAnythingThatIsNotAnId(String text) {
        assertThat(ArchiveIds.parse(text)).isEqualTo(OptionalLong.empty());
    }

    @Test
    void parseRejectsNull() {
        assertThat(ArchiveIds.parse(null)).isEmpty();
    }

    @Test
    void nodeNumbersOutsideTenBitsAreRefused() {
        assertThatThrownBy(() -> new ArchiveIds(1024, Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ArchiveIds(-1, Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class);
    }
}
