package io.chatapp.client;

/** Why a {@link Call} ended. */
public enum CallEndReason {
    /** This side hung up a call that had been accepted. */
    HUNG_UP,
    /** The peer hung up. */
    PEER_HUNG_UP,
    /** This side rejected the incoming call. */
    REJECTED,
    /** The peer rejected the call. */
    PEER_REJECTED,
    /** This side withdrew its call before it was answered. */
    CANCELLED,
    /** The caller withdrew before this side answered: a missed call. */
    MISSED,
    /** The peer is in another call. */
    BUSY,
    /** Another device of this account accepted the call. */
    ANSWERED_ELSEWHERE,
    /** Another device of this account rejected the call. */
    REJECTED_ELSEWHERE,
    /** Nobody answered in time. */
    NO_ANSWER,
    /** Signalling or media failed (no connectivity, an incompatible peer, an error answer). */
    FAILED
}
