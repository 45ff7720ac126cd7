package io.chatapp.client.internal.calls.media;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which camera a call captures from, and in which mode, out of the devices the system lists. Pure logic (no
 * libwebrtc), so it is tested with made-up device lists; {@link CameraSource} feeds it the real ones.
 *
 * <p>{@code wanted} (the {@code CHATAPP_CALL_CAMERA} environment variable) picks a device whose name or descriptor
 * contains it, ignoring case; {@code generated} (or {@code none}) means no device: the generated pattern is sent.
 * Without it the first device is taken. The mode is the largest one no bigger than 1280×720 that gives at least
 * 15 frames a second (the most frames, up to 30, breaking ties); a device listing only bigger or slower modes gets
 * its smallest one, and a device listing none gets 640×480 at 30.
 */
public final class CameraChoice {

    /** A capture mode of a device. */
    public record Mode(int width, int height, int frameRate) {
    }

    /** A capture device as the system lists it. */
    public record Camera(String name, String descriptor, List<Mode> modes) {
        public Camera {
            modes = List.copyOf(modes);
        }
    }

    /** The device and mode chosen. */
    public record Choice(Camera camera, Mode mode) {
    }

    static final Mode DEFAULT_MODE = new Mode(640, 480, 30);
    private static final int MAX_WIDTH = 1280;
    private static final int MAX_HEIGHT = 720;
    private static final int MIN_FRAME_RATE = 15;
    private static final int MAX_FRAME_RATE = 30;

    private CameraChoice() {
    }

    /** The camera to use, or empty for the generated pattern. */
    public static Optional<Choice> choose(List<Camera> cameras, String wanted) {
        Optional<Camera> camera;
        if (wanted == null || wanted.isBlank()) {
            camera = cameras.stream().findFirst();
        } else if (wanted.equalsIgnoreCase("generated") || wanted.equalsIgnoreCase("none")) {
            camera = Optional.empty();
        } else {
            camera = DeviceNames.find(cameras, wanted, Camera::name, Camera::descriptor);
        }
        return camera.map(c -> new Choice(c, mode(c.modes())));
    }

    static Mode mode(List<Mode> modes) {
        if (modes.isEmpty()) {
            return DEFAULT_MODE;
        }
        Comparator<Mode> size = Comparator.comparingInt(m -> m.width() * m.height());
        Comparator<Mode> rate = Comparator.comparingInt(m -> Math.min(m.frameRate(), MAX_FRAME_RATE));
        return modes.stream()
                .filter(m -> m.width() <= MAX_WIDTH && m.height() <= MAX_HEIGHT && m.frameRate() >= MIN_FRAME_RATE)
                .max(size.thenComparing(rate))
                .orElseGet(() -> modes.stream().min(size).orElseThrow());
    }
}
