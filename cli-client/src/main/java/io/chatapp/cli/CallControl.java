package io.chatapp.cli;

/**
 * What the call commands do with a logged-in account: place, answer, control and end one call at a time. Each
 * method returns at once; what follows arrives as call events ({@link CallCommands#eventLine}). Failures are
 * {@link CliException}s with a clear message.
 */
public interface CallControl {

    void call(String bareJid, boolean video);

    /** Accepts the ringing incoming call. */
    void accept();

    /** Rejects the ringing incoming call. */
    void reject();

    /** Ends the current call (withdraws it while it rings). */
    void hangUp();

    void muteMicrophone(boolean muted);

    /** Whether the microphone is muted now. */
    boolean microphoneMuted();

    void camera(boolean on);

    /** Whether the current call carries video now. */
    boolean videoCall();

    /** Asks the peer to add video to the current audio call. */
    void addVideo();

    /** Takes video out of the current call (back to audio). */
    void removeVideo();

    /** Accepts or declines the peer's request to add video. */
    void answerVideo(boolean accept);

    /** Whether there is a call not yet ended. */
    boolean inCall();
}
