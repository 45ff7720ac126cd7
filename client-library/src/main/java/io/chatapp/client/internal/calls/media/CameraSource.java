package io.chatapp.client.internal.calls.media;

import dev.onvoid.webrtc.media.MediaDevices;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.VideoCaptureCapability;
import dev.onvoid.webrtc.media.video.VideoDevice;
import dev.onvoid.webrtc.media.video.VideoDeviceSource;
import dev.onvoid.webrtc.media.video.VideoTrackSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * What a call's video track shows: a real camera through libwebrtc's capture module when the system has one
 * ({@link CameraChoice} picks it), otherwise the {@link GeneratedPattern}. Devices are only listed when
 * {@code /dev/video*} exists, so a headless host never touches the capture module.
 */
final class CameraSource implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CameraSource.class.getName());

    private final VideoTrackSource source;
    private final VideoDeviceSource device;
    private final ScheduledFuture<?> generator;

    private CameraSource(VideoTrackSource source, VideoDeviceSource device, ScheduledFuture<?> generator) {
        this.source = source;
        this.device = device;
        this.generator = generator;
    }

    /** Opens the chosen camera, or starts the generated pattern on the engine's generator thread. */
    static CameraSource open(MediaEngine engine) {
        Optional<CameraChoice.Choice> choice = Optional.empty();
        try {
            choice = CameraChoice.choose(cameras(), System.getenv("CHATAPP_CALL_CAMERA"));
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            LOG.log(Level.WARNING, "Could not list the cameras; sending the generated pattern", e);
        }
        if (choice.isPresent()) {
            try {
                return capture(choice.get());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not open " + choice.get().camera().name()
                        + "; sending the generated pattern", e);
            }
        }
        CustomVideoSource pattern = new CustomVideoSource();
        ScheduledFuture<?> generator = engine.generators().scheduleAtFixedRate(new GeneratedPattern(pattern), 0,
                1000 / GeneratedPattern.FRAMES_PER_SECOND, TimeUnit.MILLISECONDS);
        return new CameraSource(pattern, null, generator);
    }

    private static CameraSource capture(CameraChoice.Choice choice) {
        VideoDevice chosen = MediaDevices.getVideoCaptureDevices().stream()
                .filter(d -> d.getDescriptor().equals(choice.camera().descriptor())).findFirst().orElseThrow();
        VideoDeviceSource device = new VideoDeviceSource();
        device.setVideoCaptureDevice(chosen);
        CameraChoice.Mode mode = choice.mode();
        device.setVideoCaptureCapability(new VideoCaptureCapability(mode.width(), mode.height(), mode.frameRate()));
        device.start();
        LOG.info(() -> "Capturing video from " + choice.camera().name() + " at " + mode);
        return new CameraSource(device, device, null);
    }

    /** The system's cameras, none when there is no video device node. */
    static List<CameraChoice.Camera> cameras() {
        if (!videoDeviceNodes()) {
            return List.of();
        }
        List<CameraChoice.Camera> cameras = new ArrayList<>();
        for (VideoDevice device : MediaDevices.getVideoCaptureDevices()) {
            List<CameraChoice.Mode> modes = MediaDevices.getVideoCaptureCapabilities(device).stream()
                    .map(c -> new CameraChoice.Mode(c.width, c.height, c.frameRate)).toList();
            cameras.add(new CameraChoice.Camera(device.getName(), device.getDescriptor(), modes));
        }
        return cameras;
    }

    private static boolean videoDeviceNodes() {
        try (Stream<Path> nodes = Files.list(Path.of("/dev"))) {
            return nodes.anyMatch(p -> p.getFileName().toString().startsWith("video"));
        } catch (IOException e) {
            return false;
        }
    }

    VideoTrackSource source() {
        return source;
    }

    /** Stops the capture or the generator; the source itself goes with the factory (see PeerSession.close). */
    @Override
    public void close() {
        if (generator != null) {
            generator.cancel(false);
        }
        if (device != null) {
            device.stop();
        }
    }
}
