package io.chatapp.client.internal.calls.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceNamesTest {

    /** A device as PulseAudio lists a microphone: a readable name and the source's id. */
    private record Device(String name, String descriptor) {
    }

    private static final Device BUILT_IN = new Device("Built-in Audio Analog Stereo",
            "alsa_input.pci-0000_00_1f.3.analog-stereo");
    private static final Device HEADSET = new Device("Jabra Evolve2 Mono", "alsa_input.usb-GN_Netcom_Jabra-00.mono");
    private static final Device NAMELESS = new Device(null, "alsa_input.usb-Blue_Yeti-00.analog-stereo");

    private static List<Device> devices() {
        return List.of(BUILT_IN, NAMELESS, HEADSET);
    }

    @Test
    void aDeviceIsFoundByItsNameOrItsDescriptorIgnoringCase() {
        assertThat(DeviceNames.find(devices(), "jabra", Device::name, Device::descriptor)).contains(HEADSET);
        assertThat(DeviceNames.find(devices(), "BLUE_YETI", Device::name, Device::descriptor)).contains(NAMELESS);
    }

    @Test
    void theFirstMatchWinsAndNoMatchIsNone() {
        assertThat(DeviceNames.find(devices(), "alsa_input", Device::name, Device::descriptor)).contains(BUILT_IN);
        assertThat(DeviceNames.find(devices(), "webcam", Device::name, Device::descriptor)).isEmpty();
        assertThat(DeviceNames.find(List.of(), "jabra", Device::name, Device::descriptor)).isEmpty();
    }
}
