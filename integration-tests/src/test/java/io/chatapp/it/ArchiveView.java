package io.chatapp.it;

import io.chatapp.client.ChatClient;
import io.chatapp.client.ChatMessage;
import io.chatapp.client.HistoryPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.mam.MamManager;
import org.jxmpp.jid.impl.JidCreate;

/**
 * An account's whole archived conversation with a peer, through the library's history pages; a group's whole archive
 * as a member sees it, through standard MAM on the room.
 */
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

    /** The bodies in the group's archive (MAM on the room) as the member logged in on the connection sees it. */
    static List<String> roomBodies(XMPPConnection member, String room) throws Exception {
        MamManager mam = MamManager.getInstanceFor(member, JidCreate.entityBareFrom(room));
        MamManager.MamQuery query = mam.queryArchive(MamManager.MamQueryArgs.builder()
                .setResultPageSizeTo(250).build());
        List<Message> messages = new ArrayList<>(query.getMessages());
        while (!query.isComplete()) {
            messages.addAll(query.pageNext(250));
        }
        return messages.stream().map(Message::getBody).filter(Objects::nonNull).toList();
    }
}
