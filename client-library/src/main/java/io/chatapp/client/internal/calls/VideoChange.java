package io.chatapp.client.internal.calls;

import io.chatapp.client.VideoRefusal;

/**
 * What happened to a call's video, as {@link VideoSwitch} reports it to the facade.
 *
 * @param byPeer  whether the peer did it (for {@link Kind#ADDED} and {@link Kind#REMOVED})
 * @param refusal why a request failed (for {@link Kind#REFUSED}), null otherwise
 */
public record VideoChange(Kind kind, boolean byPeer, VideoRefusal refusal) {

    /** The kinds of change. */
    public enum Kind {
        /** The peer asks to add video: accept or decline. */
        REQUESTED,
        /** Video is in the call now, both ways. */
        ADDED,
        /** Video left the call (or the peer withdrew its request). */
        REMOVED,
        /** This side's request came to nothing. */
        REFUSED
    }

    static VideoChange refused(VideoRefusal refusal) {
        return new VideoChange(Kind.REFUSED, false, refusal);
    }
}
