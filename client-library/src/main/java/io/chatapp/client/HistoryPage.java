package io.chatapp.client;

import java.util.List;

/**
 * A page of a conversation's archive (see {@link History#page}).
 *
 * @param messages the messages, oldest first
 * @param complete true when there is nothing older (this page reaches the start of the conversation)
 */
public record HistoryPage(List<ChatMessage> messages, boolean complete) {

    public HistoryPage {
        messages = List.copyOf(messages);
    }

    /** The archive id of the oldest message, to ask for the page before it; null for an empty page. */
    public String oldestArchiveId() {
        return messages.isEmpty() ? null : messages.get(0).archiveId();
    }
}
