package io.chatapp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.client.CallEvent;
import io.chatapp.client.CallQuality;
import io.chatapp.client.VideoRefusal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallCommandsTest {

    /** Records what the commands asked for. */
    private static final class RecordingCalls implements CallControl {
        final List<String> actions = new ArrayList<>();
        boolean muted;
        boolean video;

        @Override
        public void call(String bareJid, boolean video) {
            actions.add("call " + bareJid + " " + video);
        }

        @Override
        public void accept() {
            actions.add("accept");
        }

        @Override
        public void reject() {
            actions.add("reject");
        }

        @Override
        public void hangUp() {
            actions.add("hangup");
        }

        @Override
        public void muteMicrophone(boolean value) {
            muted = value;
            actions.add("mute " + value);
        }

        @Override
        public boolean microphoneMuted() {
            return muted;
        }

        @Override
        public void camera(boolean on) {
            actions.add("camera " + on);
        }

        @Override
        public boolean videoCall() {
            return video;
        }

        @Override
        public void addVideo() {
            actions.add("add video");
        }

        @Override
        public void removeVideo() {
            actions.add("remove video");
        }

        @Override
        public void answerVideo(boolean accept) {
            actions.add("answer video " + accept);
        }

        @Override
        public boolean inCall() {
            return true;
        }
    }

    private final RecordingCalls calls = new RecordingCalls();
    private final List<String> printed = new ArrayList<>();
    private final CallCommands commands = new CallCommands(calls, printed::add, user -> user + "@example.org");

    @Test
    void commandsReachTheCall() {
        commands.run("/call", "bob --video");
        commands.run("/call", "carol");
        commands.run("/accept", "");
        commands.run("/mute", "");
        commands.run("/mute", "");
        commands.run("/mute", "on");
        commands.run("/camera", "off");
        commands.run("/camera", "on");
        commands.run("/video", "accept");
        commands.run("/video", "decline");
        calls.video = true;
        commands.run("/camera", "on");
        commands.run("/video", "off");
        commands.run("/reject", "");
        commands.run("/hangup", "");

        assertThat(calls.actions).containsExactly("call bob@example.org true", "call carol@example.org false",
                "accept", "mute true", "mute false", "mute true", "camera false", "add video", "answer video true",
                "answer video false", "camera true", "remove video", "reject", "hangup");
        assertThat(printed).contains("Calling bob@example.org (video)… /hangup to stop", "Microphone muted",
                "Microphone on", "Camera off", "Asking to add video…", "Video declined; the call stays voice only",
                "Camera on", "Back to voice only…");
    }

    @Test
    void wrongUsageIsExplained() {
        assertThatThrownBy(() -> commands.run("/call", "")).hasMessage("usage: /call USER [--video]");
        assertThatThrownBy(() -> commands.run("/camera", "maybe")).hasMessage("usage: /camera on|off");
        assertThatThrownBy(() -> commands.run("/mute", "loud")).hasMessage("usage: /mute [on|off]");
        assertThatThrownBy(() -> commands.run("/video", "maybe")).hasMessage("usage: /video on|off|accept|decline");
    }

    @Test
    void aVideoQualityStepShowsWhatIsSentAndWhy() {
        assertThat(CallCommands.qualityLine(CallQuality.LOW, 320))
                .isEqualTo("Your video: low quality (the link carries about 320 kbit/s)");
        assertThat(CallCommands.qualityLine(CallQuality.HIGH, 2_400))
                .isEqualTo("Your video: full quality (the link carries about 2400 kbit/s)");
    }

    @Test
    void videoRequestsChangesAndRefusalsHaveTheirLines() {
        String bob = "bob@example.org";
        assertThat(CallCommands.videoLine(new CallEvent.VideoRequested(null), bob))
                .isEqualTo(CallCommands.BELL + "bob@example.org asks to add video: /video accept or /video decline");
        assertThat(CallCommands.videoLine(new CallEvent.VideoChanged(null, true, true), bob))
                .isEqualTo("Video on in the call with bob@example.org (/camera, /video off)");
        assertThat(CallCommands.videoLine(new CallEvent.VideoChanged(null, false, true), bob))
                .isEqualTo("bob@example.org went back to voice only");
        assertThat(CallCommands.videoLine(new CallEvent.VideoChanged(null, false, false), bob))
                .isEqualTo("Voice only again with bob@example.org");
        assertThat(CallCommands.videoLine(new CallEvent.VideoRefused(null, VideoRefusal.DECLINED), bob))
                .isEqualTo("No video: bob@example.org declined it");
        assertThat(CallCommands.videoLine(new CallEvent.VideoRefused(null, VideoRefusal.UNSUPPORTED), bob))
                .isEqualTo("No video: bob@example.org's app does not do video");
        assertThat(CallCommands.videoLine(new CallEvent.VideoRefused(null, VideoRefusal.NOT_NOW), bob))
                .startsWith("No video: not possible now");
    }
}
