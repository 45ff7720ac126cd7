package io.chatapp.cli;

import io.chatapp.client.Call;
import io.chatapp.client.CallState;
import io.chatapp.client.Calls;
import java.util.concurrent.CompletionException;

/** {@link CallControl} over the library's {@link Calls}. */
final class ClientCallControl implements CallControl {

    private final Calls calls;
    private volatile boolean microphoneMuted;

    ClientCallControl(Calls calls) {
        this.calls = calls;
    }

    @Override
    public void call(String bareJid, boolean video) {
        try {
            calls.call(bareJid, video).join();
            microphoneMuted = false;
        } catch (CompletionException e) {
            throw new CliException("could not call " + bareJid + ": " + e.getCause().getMessage());
        }
    }

    private Call current(String what) {
        return calls.current().orElseThrow(() -> new CliException("no call to " + what));
    }

    @Override
    public void accept() {
        Call call = current("accept");
        if (call.state() != CallState.INCOMING) {
            throw new CliException("the call is not ringing here");
        }
        microphoneMuted = false;
        call.accept();
    }

    @Override
    public void reject() {
        Call call = current("reject");
        if (call.state() != CallState.INCOMING) {
            throw new CliException("the call is not ringing here; /hangup ends it");
        }
        call.reject();
    }

    @Override
    public void hangUp() {
        current("hang up").hangUp();
    }

    @Override
    public void muteMicrophone(boolean muted) {
        current("mute").muteMicrophone(muted);
        microphoneMuted = muted;
    }

    @Override
    public boolean microphoneMuted() {
        return microphoneMuted;
    }

    @Override
    public void camera(boolean on) {
        Call call = current("switch the camera of");
        if (!call.video()) {
            throw new CliException("this is an audio call: no camera to switch");
        }
        call.camera(on);
    }

    @Override
    public boolean videoCall() {
        return current("switch the video of").video();
    }

    @Override
    public void addVideo() {
        Call call = current("add video to");
        if (call.state() != CallState.CONNECTED) {
            throw new CliException("video can be added once the call is connected");
        }
        call.enableVideo();
    }

    @Override
    public void removeVideo() {
        Call call = current("take video out of");
        if (!call.video()) {
            throw new CliException("this is an audio call already");
        }
        call.disableVideo();
    }

    @Override
    public void answerVideo(boolean accept) {
        Call call = current(accept ? "accept video in" : "decline video in");
        if (accept) {
            call.acceptVideo();
        } else {
            call.declineVideo();
        }
    }

    @Override
    public boolean inCall() {
        return calls.current().isPresent();
    }
}
