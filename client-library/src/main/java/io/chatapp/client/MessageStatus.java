package io.chatapp.client;

/**
 * How far a message this account sent has got, in order: a status only ever moves forward. See {@link Receipts}.
 */
public enum MessageStatus {
    /** The server has the message (its stream-management acknowledgement, or a round trip when that is off). */
    SENT,
    /** The recipient's device received it (XEP-0184 receipt). */
    DELIVERED,
    /** The recipient read it, or a later message (XEP-0333 {@code displayed}). */
    READ
}
