package io.chatapp.plugin.receipts;

import java.time.Instant;

/**
 * One recipient's state of a message: when it was delivered to and read by them, each null until it happened. A read
 * message counts as delivered no later than it was read.
 */
public record RecipientState(String jid, Instant delivered, Instant read) {
}
