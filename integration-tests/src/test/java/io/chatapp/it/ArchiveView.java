package io.chatapp.it;

import io.chatapp.client.ChatClient;
import io.chatapp.client.ChatMessage;
import io.chatapp.client.HistoryPage;
import java.util.ArrayList;
import java.util.List;

/** An account's whole archived conversation with a peer, through the library's history pages. */
final class ArchiveView {

    private ArchiveView() {
    }

    /** The bodies of the whole conversation with {@code peer} in the account's archive, oldest first. */
    static List<String> bodies(ChatClient client, String peer) {
        List<String> bodies = new ArrayList<>();
        String before = null;
        while (true) {
            HistoryPage page = client.history().page(peer, 250, before).join();
            bodies.addAll(0, page.messages().stream().map(ChatMessage::body).toList());
            if (page.complete() || page.messages().isEmpty()) {
                return bodies;
            }
            before = page.oldestArchiveId();
        }
    }
}
