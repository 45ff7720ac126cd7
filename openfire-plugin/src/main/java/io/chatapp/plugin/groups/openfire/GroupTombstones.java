package io.chatapp.plugin.groups.openfire;

import io.chatapp.plugin.archive.ArchiveIds;
import io.chatapp.plugin.archive.openfire.ArchiveInterceptor;
import io.chatapp.plugin.xmpp.XmppTime;
import java.time.Instant;
import java.util.UUID;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

/**
 * The stanzas of a group message's removal. The tombstone that replaces it in the room's archive keeps its id, its
 * sender (occupant address and real JID), and says when it was removed and, for a moderation, by whom and why
 * (XEP-0424 §5.1, XEP-0425 §tombstones). The notice to the occupants is a XEP-0424 retraction from the sender's
 * occupant address, or a moderation from the room in both XEP-0425 forms: the current one ({@code retract} with
 * {@code moderated}, {@code urn:xmpp:message-moderate:1}) and the earlier one in {@code urn:xmpp:fasten:0}
 * ({@code urn:xmpp:message-moderate:0}) that clients may still read; with a fallback body for the others.
 */
final class GroupTombstones {

    static final String RETRACT = "urn:xmpp:message-retract:1";
    static final String RETRACT_0 = "urn:xmpp:message-retract:0";
    static final String MODERATE = "urn:xmpp:message-moderate:1";
    static final String MODERATE_0 = "urn:xmpp:message-moderate:0";
    static final String FASTEN = "urn:xmpp:fasten:0";
    /** Who removed a message, as a JID, for clients of this server (the standard forms name an occupant). */
    static final String ACTOR = "actor";

    private static final String FALLBACK = "urn:xmpp:fallback:0";
    private static final String RETRACTED_TEXT = "This person attempted to retract a previous message, but it's"
            + " unsupported by your client.";
    private static final String MODERATED_TEXT = "A message was removed by a group admin.";

    private GroupTombstones() {
    }

    /** The real sender of a stored group message (its muc#user item), or null for a system event. */
    static String sender(Element stored) {
        Element user = stored.element(QName.get("x", GroupOccupants.MUC_USER));
        Element item = user == null ? null : user.element(QName.get("item", GroupOccupants.MUC_USER));
        return item == null ? null : item.attributeValue("jid");
    }

    /** The tombstone stanza of a stored group message removed at {@code at}; moderator null for a retraction. */
    static String tombstone(Element stored, Instant at, String room, String moderator, String moderatorNick,
                            String reason) {
        Element tombstone = DocumentHelper.createElement("message");
        tombstone.addAttribute("type", "groupchat");
        copyAttribute(stored, tombstone, "from");
        copyAttribute(stored, tombstone, "id");
        Element origin = stored.element(QName.get("origin-id", ArchiveInterceptor.SID));
        if (origin != null) {
            tombstone.add(origin.createCopy());
        }
        tombstone.add(stored.element(QName.get("x", GroupOccupants.MUC_USER)).createCopy());
        Element retracted = tombstone.addElement(QName.get("retracted", RETRACT))
                .addAttribute("stamp", XmppTime.format(at));
        if (moderator != null) {
            moderated(retracted, MODERATE, room, moderator, moderatorNick);
            reason(retracted, reason);
        }
        return tombstone.asXML();
    }

    /** The XEP-0424 retraction the occupants get: from the sender's occupant address, naming the stanza-id. */
    static Message retraction(String room, Element stored, long id) {
        Message notice = notice(stored.attributeValue("from") == null ? new JID(room)
                : new JID(stored.attributeValue("from")), RETRACTED_TEXT);
        notice.addChildElement("retract", RETRACT).addAttribute("id", ArchiveIds.format(id));
        notice.addChildElement("fallback", FALLBACK).addAttribute("for", RETRACT);
        return notice;
    }

    /** The XEP-0425 moderation the occupants get, from the room, in the current and the earlier form. */
    static Message moderation(String room, long id, String moderator, String moderatorNick, String reason) {
        Message notice = notice(new JID(room), reason == null ? MODERATED_TEXT : MODERATED_TEXT + " (" + reason
                + ")");
        String stanzaId = ArchiveIds.format(id);
        Element retract = notice.addChildElement("retract", RETRACT).addAttribute("id", stanzaId);
        moderated(retract, MODERATE, room, moderator, moderatorNick);
        reason(retract, reason);
        Element earlier = moderated(notice.addChildElement("apply-to", FASTEN).addAttribute("id", stanzaId),
                MODERATE_0, room, moderator, moderatorNick);
        earlier.addElement(QName.get("retract", RETRACT_0));
        reason(earlier, reason);
        notice.addChildElement("fallback", FALLBACK).addAttribute("for", RETRACT);
        return notice;
    }

    private static Message notice(JID from, String fallback) {
        Message notice = new Message();
        notice.setType(Message.Type.groupchat);
        notice.setFrom(from);
        notice.setID(UUID.randomUUID().toString());
        notice.setBody(fallback);
        notice.addChildElement("store", "urn:xmpp:hints");
        return notice;
    }

    private static Element moderated(Element parent, String namespace, String room, String moderator,
                                     String moderatorNick) {
        Element moderated = parent.addElement(QName.get("moderated", namespace))
                .addAttribute("by", room + "/" + moderatorNick);
        moderated.addElement(QName.get(ACTOR, GroupIqHandler.NAMESPACE)).addAttribute("jid", moderator);
        return moderated;
    }

    private static void reason(Element parent, String reason) {
        if (reason != null) {
            parent.addElement(QName.get("reason", parent.getNamespaceURI())).setText(reason);
        }
    }

    private static void copyAttribute(Element from, Element to, String name) {
        String value = from.attributeValue(name);
        if (value != null) {
            to.addAttribute(name, value);
        }
    }
}
