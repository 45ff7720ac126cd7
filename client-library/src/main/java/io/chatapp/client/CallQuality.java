package io.chatapp.client;

/**
 * How much video this side sends in a call, following the bandwidth it measures to the peer (a ladder, from the
 * best to the least). libwebrtc's congestion control sets the bitrate within each step's limits; a step also caps
 * the resolution and frame rate, so a narrow link gets fewer, smaller frames that stay smooth rather than big
 * frames that freeze. Audio is never limited.
 */
public enum CallQuality {

    /** No limits: the camera's own resolution and frame rate, the bitrate libwebrtc sees fit. */
    HIGH(0, 1.0, 0),
    /** At most 700 kbit/s, the resolution divided by 1.5, 20 frames per second. */
    MEDIUM(700, 1.5, 20),
    /** At most 350 kbit/s, half the resolution, 15 frames per second. */
    LOW(350, 2.0, 15),
    /** At most 150 kbit/s, a quarter of the resolution, 10 frames per second. */
    MINIMAL(150, 4.0, 10);

    private final int maxBitrateKbps;
    private final double resolutionDivisor;
    private final int maxFramesPerSecond;

    CallQuality(int maxBitrateKbps, double resolutionDivisor, int maxFramesPerSecond) {
        this.maxBitrateKbps = maxBitrateKbps;
        this.resolutionDivisor = resolutionDivisor;
        this.maxFramesPerSecond = maxFramesPerSecond;
    }

    /** The video bitrate cap in kbit/s; 0 for none. */
    public int maxBitrateKbps() {
        return maxBitrateKbps;
    }

    /** What the camera's width and height are divided by (1 for full resolution). */
    public double resolutionDivisor() {
        return resolutionDivisor;
    }

    /** The frame rate cap; 0 for none. */
    public int maxFramesPerSecond() {
        return maxFramesPerSecond;
    }

    /** The next better step; HIGH for HIGH. */
    public CallQuality better() {
        return this == HIGH ? HIGH : values()[ordinal() - 1];
    }

    /** The next lesser step; MINIMAL for MINIMAL. */
    public CallQuality lesser() {
        return this == MINIMAL ? MINIMAL : values()[ordinal() + 1];
    }
}
