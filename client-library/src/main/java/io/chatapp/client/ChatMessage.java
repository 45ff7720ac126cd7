package io.chatapp.client;

import java.time.Instant;

/**
 * A message received by this client.
 *
 * @param id        the sender's message id (may be empty for messages from clients that set none)
 * @param from      the sender's bare address, e.g. {@code alice@example.org}
 * @param fromDevice the resource of the sender's device, or empty
 * @param to        this account's bare address
 * @param body      the text
 * @param sentAt    when the server received it (for messages stored offline) or when it arrived here
 * @param delayed   true when the message was stored while this account was offline
 */
public record ChatMessage(String id, String from, String fromDevice, String to, String body, Instant sentAt,
                          boolean delayed) {
}
