package io.chatapp.client.internal.calls.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.CallQuality;
import org.junit.jupiter.api.Test;

/** The quality ladder's decisions, sample by sample, as the adaptive video takes them every half second. */
class QualityLadderTest {

    private final QualityLadder ladder = new QualityLadder();

    private CallQuality feed(int times, double kbps, double loss, double rtt) {
        CallQuality quality = ladder.current();
        for (int i = 0; i < times; i++) {
            quality = ladder.update(new LinkSample(kbps, loss, rtt));
        }
        return quality;
    }

    @Test
    void startsUnlimitedAndStaysThereOnAWideLink() {
        assertThat(ladder.current()).isEqualTo(CallQuality.HIGH);
        assertThat(feed(20, 2_500, 0, 20)).isEqualTo(CallQuality.HIGH);
    }

    @Test
    void unknownEstimatesChangeNothing() {
        assertThat(feed(10, -1, 0.9, 5_000)).isEqualTo(CallQuality.HIGH);
    }

    @Test
    void aSomewhatNarrowerLinkStepsDownAfterTwoSamples() {
        assertThat(feed(1, 600, 0, 50)).as("one low sample is not enough").isEqualTo(CallQuality.HIGH);
        assertThat(feed(1, 600, 0, 50)).isEqualTo(CallQuality.MEDIUM);
        assertThat(feed(1, 300, 0, 50)).isEqualTo(CallQuality.MEDIUM);
        assertThat(feed(1, 300, 0, 50)).isEqualTo(CallQuality.LOW);
    }

    @Test
    void aCollapsedLinkStepsDownAsFarAsTheEstimateSaysAtOnce() {
        assertThat(feed(1, 250, 0, 50)).isEqualTo(CallQuality.LOW);
        assertThat(feed(1, 100, 0, 50)).as("one step below: two samples").isEqualTo(CallQuality.LOW);
        assertThat(feed(1, 100, 0, 50)).isEqualTo(CallQuality.MINIMAL);
    }

    @Test
    void aDipBetweenGoodSamplesDoesNotStepDown() {
        for (int i = 0; i < 10; i++) {
            feed(1, 2_000, 0, 20);
            assertThat(feed(1, 600, 0, 20)).isEqualTo(CallQuality.HIGH);
        }
    }

    @Test
    void lossOrQueueingStepsDownOneStepEvenWhenTheEstimateLagsBehind() {
        assertThat(feed(2, 2_000, 0.15, 20)).isEqualTo(CallQuality.MEDIUM);
        assertThat(feed(2, 2_000, 0, 1_500)).isEqualTo(CallQuality.LOW);
    }

    @Test
    void heavyLossStepsDownAtOnce() {
        assertThat(feed(1, 2_000, 0.4, 20)).isEqualTo(CallQuality.MEDIUM);
    }

    @Test
    void recoveryIsOneStepAtATimeAfterSixGoodSamplesWithAMargin() {
        feed(1, 100, 0, 50);
        assertThat(ladder.current()).isEqualTo(CallQuality.MINIMAL);

        assertThat(feed(5, 5_000, 0, 20)).as("five good samples are not enough").isEqualTo(CallQuality.MINIMAL);
        assertThat(feed(1, 5_000, 0, 20)).isEqualTo(CallQuality.LOW);
        assertThat(feed(6, 5_000, 0, 20)).isEqualTo(CallQuality.MEDIUM);
        assertThat(feed(6, 5_000, 0, 20)).isEqualTo(CallQuality.HIGH);
    }

    @Test
    void anEstimateJustAboveTheBetterStepsNeedDoesNotStepUp() {
        feed(1, 250, 0, 50);
        assertThat(ladder.current()).isEqualTo(CallQuality.LOW);
        double justEnough = QualityLadder.need(CallQuality.MEDIUM) * 1.1;
        assertThat(feed(20, justEnough, 0, 50)).isEqualTo(CallQuality.LOW);
    }

    @Test
    void lossResetsTheWayUp() {
        feed(1, 250, 0, 50);
        feed(5, 5_000, 0, 20);
        feed(1, 5_000, 0.05, 20);
        assertThat(feed(5, 5_000, 0, 20)).isEqualTo(CallQuality.LOW);
        assertThat(feed(1, 5_000, 0, 20)).isEqualTo(CallQuality.MEDIUM);
    }

    @Test
    void eachStepNeedsMoreThanTheStepBelowItSends() {
        for (CallQuality quality : CallQuality.values()) {
            if (quality != CallQuality.MINIMAL) {
                assertThat(QualityLadder.need(quality)).isGreaterThan(quality.lesser().maxBitrateKbps());
                assertThat(QualityLadder.afforded(QualityLadder.need(quality))).isEqualTo(quality);
            }
        }
    }
}
