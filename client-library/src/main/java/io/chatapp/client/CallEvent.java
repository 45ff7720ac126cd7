package io.chatapp.client;

import java.time.Duration;

/**
 * What happens to a {@link Call}, one record per kind, delivered to {@link CallListener}s in order on the client's
 * event thread.
 */
public sealed interface CallEvent {

    /** The call the event is about. */
    Call call();

    /** Someone calls this account (the call is {@link CallState#INCOMING}). */
    record Incoming(Call call) implements CallEvent {
    }

    /** A device of the called peer rings. */
    record Ringing(Call call) implements CallEvent {
    }

    /** The call was accepted; media is being connected. */
    record Connecting(Call call) implements CallEvent {
    }

    /** Media flows (again, after {@link Reconnecting}). */
    record Connected(Call call) implements CallEvent {
    }

    /** The media connection was lost; it is being restored. */
    record Reconnecting(Call call) implements CallEvent {
    }

    /**
     * The call is over.
     *
     * @param duration how long it was connected; zero when it never was
     */
    record Ended(Call call, CallEndReason reason, Duration duration) implements CallEvent {
    }

    /** The peer muted or unmuted its microphone, or turned its camera off or on. */
    record PeerMediaChanged(Call call, boolean microphoneMuted, boolean cameraOn) implements CallEvent {
    }

    /**
     * The video this side sends follows another {@link CallQuality} step, because the bandwidth measured to the
     * peer changed (adaptive streaming).
     *
     * @param availableKbps the send bandwidth estimated when the step changed, in kbit/s
     */
    record QualityChanged(Call call, CallQuality quality, int availableKbps) implements CallEvent {
    }

    /** The peer asks to add video to the call: answer with {@link Call#acceptVideo()} or {@link Call#declineVideo()}. */
    record VideoRequested(Call call) implements CallEvent {
    }

    /**
     * Video joined the call or left it ({@link Call#video()} tells which now).
     *
     * @param byPeer whether the peer's action did it (it added or removed video, or withdrew its request)
     */
    record VideoChanged(Call call, boolean video, boolean byPeer) implements CallEvent {
    }

    /** This user's request to add video came to nothing; the call goes on as it was. */
    record VideoRefused(Call call, VideoRefusal reason) implements CallEvent {
    }
}
