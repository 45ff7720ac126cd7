package io.chatapp.client.internal.calls.media;

import io.chatapp.client.CallQuality;

/**
 * Which {@link CallQuality} step the measured link affords, with hysteresis so the video does not flap between
 * steps: a step down follows {@link #DOWN_SAMPLES} bad samples in a row, or a single one when the link collapsed
 * (heavy loss, or an estimate two steps or more below: the sooner the frames shrink, the shorter the freeze), a
 * step up needs {@link #UP_SAMPLES} good samples in a row, with the estimate a margin above what the better step
 * needs, and goes one step at a time. Fed a {@link LinkSample} every half second; no webrtc here, so it is
 * unit-tested as it is.
 */
final class QualityLadder {

    /** Consecutive samples below the current step's need before stepping down. */
    static final int DOWN_SAMPLES = 2;
    /** Consecutive good samples before stepping up. */
    static final int UP_SAMPLES = 6;
    /** Loss above which a sample is bad whatever the estimate. */
    static final double BAD_LOSS = 0.10;
    /** Loss so heavy that one sample is enough to step down. */
    static final double HEAVY_LOSS = 0.25;
    /** Loss at or below which a sample may count towards stepping up. */
    static final double GOOD_LOSS = 0.02;
    /** A round trip this long means packets queue in front of a narrow link. */
    static final double BAD_RTT_MILLIS = 1_000;
    /** How far above the better step's need the estimate must be to step up. */
    static final double UP_MARGIN = 1.25;

    private CallQuality current = CallQuality.HIGH;
    private int bad;
    private int good;

    CallQuality current() {
        return current;
    }

    /** Takes a sample and returns the step to send at from now on. */
    CallQuality update(LinkSample sample) {
        if (!sample.known()) {
            return current;
        }
        boolean congested = sample.fractionLost() > BAD_LOSS || sample.rttMillis() > BAD_RTT_MILLIS;
        CallQuality afforded = afforded(sample.availableKbps());
        if (congested || afforded.ordinal() > current.ordinal()) {
            good = 0;
            bad++;
            boolean collapsed = sample.fractionLost() > HEAVY_LOSS || afforded.ordinal() - current.ordinal() >= 2;
            if (bad >= DOWN_SAMPLES || collapsed) {
                bad = 0;
                // the estimate says how far down; congestion the estimate has not seen yet is one step
                current = afforded.ordinal() > current.ordinal() ? afforded : current.lesser();
            }
            return current;
        }
        bad = 0;
        boolean roomAbove = current != CallQuality.HIGH
                && sample.availableKbps() >= need(current.better()) * UP_MARGIN
                && sample.fractionLost() <= GOOD_LOSS;
        good = roomAbove ? good + 1 : 0;
        if (good >= UP_SAMPLES) {
            good = 0;
            current = current.better();
        }
        return current;
    }

    /** The best step whose need the estimate covers. */
    static CallQuality afforded(double availableKbps) {
        for (CallQuality quality : CallQuality.values()) {
            if (availableKbps >= need(quality)) {
                return quality;
            }
        }
        return CallQuality.MINIMAL;
    }

    /**
     * The send estimate a step needs, in kbit/s: the next lesser step's cap plus room for audio (Opus, up to about
     * 40 kbit/s) and packet overhead, so a step is left as soon as the link no longer carries more than the step
     * below would send.
     */
    static double need(CallQuality quality) {
        return switch (quality) {
            case HIGH -> CallQuality.MEDIUM.maxBitrateKbps() + 100;
            case MEDIUM -> CallQuality.LOW.maxBitrateKbps() + 80;
            case LOW -> CallQuality.MINIMAL.maxBitrateKbps() + 60;
            case MINIMAL -> 0;
        };
    }
}
