package io.chatapp.client;

/**
 * A message was retracted ("deleted for everyone") by its sender; see {@link Retractions}.
 *
 * @param peer      the other party of the conversation (bare address)
 * @param messageId the retracted message's id ({@code origin-id}), as {@link ChatMessage#id()} gave it
 * @param archiveId the retracted message's archive id when known (an archive tombstone), or null
 * @param outgoing  true when this account retracted its own message (from another device)
 */
public record Retraction(String peer, String messageId, String archiveId, boolean outgoing) {
}
