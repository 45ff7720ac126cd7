package io.chatapp.plugin.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The limit of logins at once, on a clock the test moves. */
class LoginAdmissionTest {

    private final AtomicLong nanos = new AtomicLong(1_000);

    @Test
    void admitsUpToTheLimitAndAgainOnceASlotIsReleased() {
        LoginAdmission admission = new LoginAdmission(3, nanos::get);
        List<LoginAdmission.Slot> slots = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            slots.add(admission.tryAdmit().orElseThrow());
        }
        assertThat(admission.tryAdmit()).as("a fourth login at once").isEmpty();
        assertThat(admission.tryAdmit()).isEmpty();
        assertThat(admission.inProgress()).isEqualTo(3);
        assertThat(admission.takeRefusedCount()).as("refusals, for the operator's log").isEqualTo(2);
        assertThat(admission.takeRefusedCount()).as("counted afresh").isZero();

        slots.get(1).release();
        slots.get(1).release();
        assertThat(admission.inProgress()).as("a second release is a no-op").isEqualTo(2);
        assertThat(admission.tryAdmit()).isPresent();
        assertThat(admission.tryAdmit()).isEmpty();
    }

    @Test
    void anAbandonedExchangeGivesItsSlotBackAfterThirtySeconds() {
        LoginAdmission admission = new LoginAdmission(1, nanos::get);
        LoginAdmission.Slot abandoned = admission.tryAdmit().orElseThrow();

        nanos.addAndGet(LoginAdmission.ABANDONED_AFTER.toNanos() - 1);
        assertThat(admission.tryAdmit()).as("just before the time").isEmpty();
        nanos.addAndGet(1);
        LoginAdmission.Slot next = admission.tryAdmit().orElseThrow();

        abandoned.release();
        assertThat(admission.tryAdmit()).as("the late release of the abandoned slot frees nothing else").isEmpty();
        next.release();
        assertThat(admission.tryAdmit()).isPresent();
    }

    @Test
    void zeroMeansNoLimit() {
        LoginAdmission admission = new LoginAdmission(0, nanos::get);
        for (int i = 0; i < 10_000; i++) {
            assertThat(admission.tryAdmit()).isPresent();
        }
        assertThat(admission.inProgress()).isZero();
        assertThatThrownBy(() -> new LoginAdmission(-1, nanos::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
