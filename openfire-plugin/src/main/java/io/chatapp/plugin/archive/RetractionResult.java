package io.chatapp.plugin.archive;

/** What {@link MessageArchive#retract} did. */
public sealed interface RetractionResult {

    /**
     * The message is retracted (now, or it already was).
     *
     * @param original the message as it was before this retraction: with its stanza if it was retracted now, already
     *                 a tombstone (stanza null, retractedAt set) if it had been retracted before
     */
    record Retracted(ArchivedMessage original) implements RetractionResult {
    }

    /** No message with that reference between the two parties. */
    record NotFound() implements RetractionResult {
    }

    /** The message was sent by the other party. */
    record NotSender() implements RetractionResult {
    }

    /** The message is older than the retraction window. */
    record TooOld() implements RetractionResult {
    }
}
