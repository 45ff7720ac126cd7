package io.chatapp.client.internal.calls.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.internal.calls.media.CameraChoice.Camera;
import io.chatapp.client.internal.calls.media.CameraChoice.Mode;
import java.util.List;
import org.junit.jupiter.api.Test;

class CameraChoiceTest {

    private static final Camera WEBCAM = new Camera("Integrated Webcam", "/dev/video0", List.of(
            new Mode(320, 240, 30), new Mode(640, 480, 30), new Mode(1280, 720, 10), new Mode(1280, 720, 30),
            new Mode(1920, 1080, 30), new Mode(1280, 720, 15)));
    private static final Camera USB = new Camera("Logitech C920", "/dev/video2", List.of(new Mode(640, 360, 60)));

    @Test
    void noCameraMeansTheGeneratedPattern() {
        assertThat(CameraChoice.choose(List.of(), null)).isEmpty();
        assertThat(CameraChoice.choose(List.of(), "webcam")).isEmpty();
    }

    @Test
    void theFirstCameraInItsLargestModeUpTo720pWithTheMostFramesUpTo30() {
        CameraChoice.Choice choice = CameraChoice.choose(List.of(WEBCAM, USB), null).orElseThrow();
        assertThat(choice.camera()).isEqualTo(WEBCAM);
        assertThat(choice.mode()).isEqualTo(new Mode(1280, 720, 30));
    }

    @Test
    void aWantedCameraIsFoundByNameOrDescriptorIgnoringCase() {
        assertThat(CameraChoice.choose(List.of(WEBCAM, USB), "c920").orElseThrow().camera()).isEqualTo(USB);
        assertThat(CameraChoice.choose(List.of(WEBCAM, USB), "/dev/video2").orElseThrow().mode())
                .isEqualTo(new Mode(640, 360, 60));
        assertThat(CameraChoice.choose(List.of(WEBCAM, USB), "no such camera")).isEmpty();
    }

    @Test
    void generatedOrNoneForcesThePattern() {
        assertThat(CameraChoice.choose(List.of(WEBCAM), "generated")).isEmpty();
        assertThat(CameraChoice.choose(List.of(WEBCAM), "NONE")).isEmpty();
    }

    @Test
    void aDeviceWithOnlyBigOrSlowModesGetsItsSmallestAndOneWithoutModesADefault() {
        Camera big = new Camera("4K", "/dev/video4", List.of(new Mode(3840, 2160, 30), new Mode(1920, 1080, 5)));
        assertThat(CameraChoice.choose(List.of(big), null).orElseThrow().mode()).isEqualTo(new Mode(1920, 1080, 5));
        Camera silent = new Camera("Unknown", "/dev/video6", List.of());
        assertThat(CameraChoice.choose(List.of(silent), null).orElseThrow().mode())
                .isEqualTo(CameraChoice.DEFAULT_MODE);
    }
}
