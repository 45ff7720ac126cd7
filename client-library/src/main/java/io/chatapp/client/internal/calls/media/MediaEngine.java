package io.chatapp.client.internal.calls.media;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.Device;
import dev.onvoid.webrtc.media.audio.AudioDevice;
import dev.onvoid.webrtc.media.audio.AudioDeviceModule;
import dev.onvoid.webrtc.media.audio.AudioDeviceModuleBase;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Logger;

/**
 * libwebrtc for one client: the peer connection factory, its audio device module and the thread that feeds the
 * generated tone and pattern. Made on the first call (loading the native library then), closed with the client.
 *
 * <p>libwebrtc's default audio module opens the sound system and can bring the JVM down on a host without one, so it
 * is used only when a sound system is there ({@link #soundSystemPresent()}); otherwise the headless module plays
 * the received audio into nothing (it still decodes it, which is what {@link ReceivedMedia} measures) and the
 * microphone is the generated tone. With a sound system the microphone is the default one, or the one
 * {@code CHATAPP_CALL_MICROPHONE} names.
 */
public final class MediaEngine implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MediaEngine.class.getName());

    private final AudioDeviceModuleBase audioModule;
    private final PeerConnectionFactory factory;
    private final boolean realDevices;
    private final ScheduledExecutorService generators;

    private MediaEngine(AudioDeviceModuleBase audioModule, boolean realDevices) {
        this.audioModule = audioModule;
        this.realDevices = realDevices;
        this.factory = new PeerConnectionFactory(audioModule);
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, "chatapp-call-media");
            thread.setDaemon(true);
            return thread;
        };
        this.generators = Executors.newSingleThreadScheduledExecutor(threads);
    }

    /** Starts libwebrtc with the real sound devices when there are some, headless otherwise. */
    public static MediaEngine start() {
        boolean real = soundSystemPresent();
        AudioDeviceModuleBase module = real ? new AudioDeviceModule() : new HeadlessAudioDeviceModule();
        module.initPlayout();
        module.startPlayout();
        if (real) {
            chooseMicrophone(module, System.getenv("CHATAPP_CALL_MICROPHONE"));
            module.initRecording();
            module.startRecording();
        }
        return new MediaEngine(module, real);
    }

    /**
     * Records from the microphone whose name or descriptor contains {@code wanted} (as {@link DeviceNames} finds
     * it); the sound system's default one when none is wanted or none matches.
     */
    private static void chooseMicrophone(AudioDeviceModuleBase module, String wanted) {
        if (wanted == null || wanted.isBlank()) {
            return;
        }
        List<AudioDevice> microphones = module.getRecordingDevices();
        Optional<AudioDevice> microphone = DeviceNames.find(microphones, wanted, Device::getName,
                Device::getDescriptor);
        if (microphone.isPresent()) {
            module.setRecordingDevice(microphone.get());
            LOG.info(() -> "Recording from " + microphone.get().getName());
        } else {
            LOG.warning(() -> "No microphone matches '" + wanted + "' among " + microphones.stream()
                    .map(Device::getName).toList() + "; recording from the default one");
        }
    }

    /**
     * Whether a sound system is there to open: a PulseAudio (or PipeWire) socket for this user, or ALSA devices.
     * {@code CHATAPP_CALL_AUDIO=headless} forces the headless module (e.g. on a desktop in a test).
     */
    static boolean soundSystemPresent() {
        if ("headless".equals(System.getenv("CHATAPP_CALL_AUDIO"))) {
            return false;
        }
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        if (runtime != null && Files.exists(Path.of(runtime, "pulse", "native"))) {
            return true;
        }
        return Files.exists(Path.of("/dev/snd/controlC0")) && System.getenv("PULSE_SERVER") != null;
    }

    PeerConnectionFactory factory() {
        return factory;
    }

    boolean realDevices() {
        return realDevices;
    }

    ScheduledExecutorService generators() {
        return generators;
    }

    @Override
    public void close() {
        generators.shutdownNow();
        factory.dispose();
        audioModule.stopPlayout();
        if (realDevices) {
            audioModule.stopRecording();
        }
        audioModule.dispose();
    }
}
