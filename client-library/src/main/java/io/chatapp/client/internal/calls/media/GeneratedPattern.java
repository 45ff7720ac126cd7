package io.chatapp.client.internal.calls.media;

import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import java.nio.ByteBuffer;

/**
 * A moving gradient, 640×360, pushed at {@link #FRAMES_PER_SECOND} into a {@link CustomVideoSource}: the camera of a
 * client without one. It changes every frame so the encoder has real work and the peer decodes real frames.
 */
final class GeneratedPattern implements Runnable {

    static final int FRAMES_PER_SECOND = 15;
    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;

    private final CustomVideoSource source;
    private int frame;

    GeneratedPattern(CustomVideoSource source) {
        this.source = source;
    }

    @Override
    public void run() {
        NativeI420Buffer buffer = NativeI420Buffer.allocate(WIDTH, HEIGHT);
        try {
            fill(buffer.getDataY(), buffer.getStrideY(), HEIGHT, frame);
            fill(buffer.getDataU(), buffer.getStrideU(), (HEIGHT + 1) / 2, frame * 3);
            fill(buffer.getDataV(), buffer.getStrideV(), (HEIGHT + 1) / 2, frame * 5);
            VideoFrame videoFrame = new VideoFrame(buffer, System.nanoTime());
            source.pushFrame(videoFrame);
            videoFrame.release();
        } finally {
            frame++;
        }
    }

    private static void fill(ByteBuffer plane, int stride, int rows, int shift) {
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < stride; x++) {
                plane.put(y * stride + x, (byte) (x + y + shift));
            }
        }
    }
}
