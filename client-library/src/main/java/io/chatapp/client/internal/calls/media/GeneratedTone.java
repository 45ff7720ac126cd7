package io.chatapp.client.internal.calls.media;

import dev.onvoid.webrtc.media.audio.CustomAudioSource;

/**
 * A 440 Hz sine at 48 kHz, mono, 16 bit, pushed in 10 ms chunks into a {@link CustomAudioSource}: the microphone of
 * a client without one, so a call carries real audio a peer can measure.
 */
final class GeneratedTone implements Runnable {

    static final int SAMPLE_RATE = 48_000;
    static final int CHUNK_MILLIS = 10;
    private static final int FRAMES = SAMPLE_RATE * CHUNK_MILLIS / 1000;
    private static final double FREQUENCY = 440;
    private static final double AMPLITUDE = 0.3 * Short.MAX_VALUE;

    private final CustomAudioSource source;
    private final byte[] chunk = new byte[FRAMES * 2];
    private long sample;

    GeneratedTone(CustomAudioSource source) {
        this.source = source;
    }

    @Override
    public void run() {
        for (int i = 0; i < FRAMES; i++, sample++) {
            short value = (short) (AMPLITUDE * Math.sin(2 * Math.PI * FREQUENCY * sample / SAMPLE_RATE));
            chunk[2 * i] = (byte) value;
            chunk[2 * i + 1] = (byte) (value >> 8);
        }
        source.pushAudio(chunk, 16, SAMPLE_RATE, 1, FRAMES);
    }
}
