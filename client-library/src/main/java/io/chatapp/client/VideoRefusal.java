package io.chatapp.client;

/** Why a request to add video to a call ({@link Call#enableVideo()}) came to nothing; the call goes on as it was. */
public enum VideoRefusal {
    /** The peer declined it ({@link Call#declineVideo()}, or a standard client's content-reject). */
    DECLINED,
    /** The peer's client does not do video: its service discovery lacks it, or it refused the request as unknown. */
    UNSUPPORTED,
    /** Not now: the call is not connected, or another change of its media is under way. */
    NOT_NOW
}
