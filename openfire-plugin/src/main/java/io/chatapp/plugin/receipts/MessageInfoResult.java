package io.chatapp.plugin.receipts;

/** The answer to a message-info request. */
public sealed interface MessageInfoResult {

    /** The requester sent the message; here is what happened to it. */
    record Found(MessageInfo info) implements MessageInfoResult {
    }

    /** No message of the requester's conversations has that reference ({@code item-not-found}). */
    record NotFound() implements MessageInfoResult {
    }

    /** The message is in one of the requester's conversations but the requester received it ({@code forbidden}). */
    record NotSender() implements MessageInfoResult {
    }
}
