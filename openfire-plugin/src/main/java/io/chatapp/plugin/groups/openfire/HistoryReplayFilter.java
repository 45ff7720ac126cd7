package io.chatapp.plugin.groups.openfire;

import io.chatapp.plugin.archive.openfire.ArchiveInterceptor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dom4j.Element;
import org.dom4j.QName;
import org.xmpp.packet.Message;

/**
 * Group messages that Openfire's discussion history must leave out. Openfire replays a room's last messages, from its
 * memory, to whoever enters: a message removed for everyone must not be among them (the archive holds only its
 * tombstone), nor one a member deleted for themselves, for that member. Remembered on this node, bounded.
 */
final class HistoryReplayFilter {

    /** How many archive ids this node remembers (far more than any replay holds). */
    private static final int REMEMBERED = 10_000;

    private final Map<String, Boolean> leftOut = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            });

    /** The message with that archive id was removed for everyone. */
    void removed(String archiveId) {
        leftOut.put(archiveId, Boolean.TRUE);
    }

    /** The member (bare JID) deleted the message with that archive id for themselves. */
    void hidden(String member, String archiveId) {
        leftOut.put(member + " " + archiveId, Boolean.TRUE);
    }

    /** Whether a message from the room is a replay (delayed) of a message left out for its recipient. */
    boolean isLeftOut(Message message) {
        if (message.getChildElement("delay", "urn:xmpp:delay") == null || message.getTo() == null) {
            return false;
        }
        String member = message.getTo().toBareJID();
        for (Element id : message.getElement().elements(QName.get("stanza-id", ArchiveInterceptor.SID))) {
            String archiveId = id.attributeValue("id");
            if (message.getFrom().toBareJID().equals(id.attributeValue("by"))
                    && (leftOut.containsKey(archiveId) || leftOut.containsKey(member + " " + archiveId))) {
                return true;
            }
        }
        return false;
    }
}
