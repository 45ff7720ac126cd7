package io.chatapp.plugin.archive.openfire;

import io.chatapp.plugin.openfire.PluginRouting;
import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.session.ClientSession;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

/**
 * Tells a user's other online devices that they deleted a message for themselves ("delete for me", one-to-one or in a
 * group): {@code <message type="headline"><hidden xmlns="urn:chatapp:archive:0" id="…"/></message>} from their own
 * bare JID, so each device drops it from its view. Archive ids are unique across archives: the id alone names it.
 */
public final class HiddenNotices {

    private HiddenNotices() {
    }

    /** Sends the notice to every session of the requester's account except the requesting one. */
    public static void tellOtherDevices(JID requester, String archiveId, PluginRouting routing) {
        for (ClientSession session : XMPPServer.getInstance().getSessionManager().getSessions(requester.getNode())) {
            if (session.getAddress().equals(requester)) {
                continue;
            }
            Message notice = new Message();
            notice.setType(Message.Type.headline);
            notice.setFrom(requester.toBareJID());
            notice.setTo(session.getAddress());
            notice.addChildElement("hidden", ArchiveIqHandler.NAMESPACE).addAttribute("id", archiveId);
            routing.route(notice);
        }
    }
}
