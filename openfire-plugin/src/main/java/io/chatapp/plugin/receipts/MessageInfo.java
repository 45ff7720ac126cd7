package io.chatapp.plugin.receipts;

import java.time.Instant;
import java.util.List;

/**
 * What happened to a message its sender asks about: its archive id, {@code id} attribute (nullable), when the server
 * received it, and one state per recipient (one for a one-to-one message, one per member for a group message).
 */
public record MessageInfo(long id, String messageId, Instant sent, List<RecipientState> recipients) {

    public MessageInfo {
        recipients = List.copyOf(recipients);
    }
}
