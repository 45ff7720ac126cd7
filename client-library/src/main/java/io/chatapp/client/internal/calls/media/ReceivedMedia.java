package io.chatapp.client.internal.calls.media;

import dev.onvoid.webrtc.media.audio.AudioTrackSink;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures what a call receives: the audio's level (RMS of the last chunk, 0 to 1, from the decoded 16-bit PCM) and
 * how many audio chunks carried sound, and the number of decoded video frames. Sinks run on libwebrtc's threads, so
 * they only update counters.
 */
public final class ReceivedMedia implements AudioTrackSink, VideoTrackSink {

    /** A chunk louder than this (about -40 dBFS) counts as sound rather than silence or comfort noise. */
    private static final double SOUND = 0.01;

    private volatile double audioLevel;
    private final AtomicLong soundChunks = new AtomicLong();
    private final AtomicLong videoFrames = new AtomicLong();

    @Override
    public void onData(byte[] data, int bitsPerSample, int sampleRate, int channels, int frames) {
        if (bitsPerSample != 16) {
            return;
        }
        int samples = Math.min(frames * channels, data.length / 2);
        double sum = 0;
        for (int i = 0; i < samples; i++) {
            short value = (short) ((data[2 * i] & 0xff) | (data[2 * i + 1] << 8));
            double normalized = value / (double) Short.MAX_VALUE;
            sum += normalized * normalized;
        }
        double level = samples == 0 ? 0 : Math.sqrt(sum / samples);
        audioLevel = level;
        if (level > SOUND) {
            soundChunks.incrementAndGet();
        }
    }

    @Override
    public void onVideoFrame(VideoFrame frame) {
        videoFrames.incrementAndGet();
    }

    public double audioLevel() {
        return audioLevel;
    }

    /** 10 ms chunks of received audio that carried sound. */
    public long soundChunks() {
        return soundChunks.get();
    }

    public long videoFrames() {
        return videoFrames.get();
    }
}
