package io.chatapp.client;

/**
 * What a call's media does right now, as measured on this side.
 *
 * @param receivedAudioLevel  the level of the audio last received, 0 (silence) to 1 (full scale)
 * @param receivedSoundMillis how much received audio carried sound, in milliseconds
 * @param receivedVideoFrames how many video frames were received and decoded
 * @param bytesSent           RTP payload bytes sent so far
 */
public record CallMedia(double receivedAudioLevel, long receivedSoundMillis, long receivedVideoFrames,
                        long bytesSent) {

    /** Before media starts. */
    public static final CallMedia NONE = new CallMedia(0, 0, 0, 0);
}
