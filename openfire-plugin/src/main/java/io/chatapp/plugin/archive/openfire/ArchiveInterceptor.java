package io.chatapp.plugin.archive.openfire;

import io.chatapp.plugin.archive.ArchiveIds;
import io.chatapp.plugin.archive.MessageArchive;
import io.chatapp.plugin.archive.NewMessage;
import io.chatapp.plugin.openfire.ClientClaims;
import io.chatapp.plugin.openfire.LocalUsers;
import io.chatapp.plugin.openfire.PluginRouting;
import io.chatapp.plugin.xmpp.StanzaError;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.dom4j.Element;
import org.jivesoftware.openfire.interceptor.PacketInterceptor;
import org.jivesoftware.openfire.interceptor.PacketRejectedException;
import org.jivesoftware.openfire.session.Session;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

/**
 * Archives every one-to-one message with a body between two users of this server as Openfire first routes it, and
 * stamps it with its archive id (XEP-0359 {@code stanza-id}, once per party's archive) so the recipient, the
 * sender's other devices (carbons) and offline storage all carry it. On the packet thread this costs an id, an XML
 * serialisation and a queue offer; the database write happens in the archive's writer thread.
 *
 * <p>XEP-0424 retractions are held back here and released by {@link RetractionGate} once checked.
 */
public final class ArchiveInterceptor implements PacketInterceptor {

    public static final String SID = "urn:xmpp:sid:0";
    static final String RETRACT = "urn:xmpp:message-retract:1";
    static final String OOB = "jabber:x:oob";

    private final MessageArchive archive;
    private final RetractionGate retractions;
    private final PluginRouting routing;
    private final LocalUsers users;
    /** Local users who have sent messages since the plugin started: whose sessions to end first at shutdown. */
    private final Set<String> senders = ConcurrentHashMap.newKeySet();

    ArchiveInterceptor(MessageArchive archive, RetractionGate retractions, PluginRouting routing, String domain) {
        this.archive = archive;
        this.retractions = retractions;
        this.routing = routing;
        this.users = new LocalUsers(domain);
    }

    @Override
    public void interceptPacket(Packet packet, Session session, boolean incoming, boolean processed)
            throws PacketRejectedException {
        if (!incoming || processed || !(packet instanceof Message message)
                || message.getType() == Message.Type.groupchat || message.getType() == Message.Type.error) {
            return;
        }
        JID from = message.getFrom();
        JID to = message.getTo();
        if (!users.contains(from) || !users.contains(to)) {
            return;
        }
        if (!routing.isCleared(message)) {
            ClientClaims.removeStanzaIds(message);
        }
        // Every type, not only chat: a retraction sent as a headline must not skip the check.
        Element retract = message.getChildElement("retract", RETRACT);
        if (retract != null && !routing.isCleared(message)) {
            retractions.check(message, retract);
            throw new PacketRejectedException();
        }
        if (message.getBody() == null || !isOneToOne(message)) {
            return;
        }
        senders.add(from.getNode());
        String sender = from.toBareJID();
        String recipient = to.toBareJID();
        long id = archive.ids().next();
        Element origin = message.getChildElement("origin-id", SID);
        NewMessage archived = new NewMessage(id, sender, recipient, message.getID(),
                origin == null ? null : origin.attributeValue("id"), message.toXML());
        if (!archive.offer(archived)) {
            refuse(message);
            throw new PacketRejectedException();
        }
        String formatted = ArchiveIds.format(id);
        message.addChildElement("stanza-id", SID).addAttribute("by", recipient).addAttribute("id", formatted);
        if (!sender.equals(recipient)) {
            message.addChildElement("stanza-id", SID).addAttribute("by", sender).addAttribute("id", formatted);
        }
    }

    /** Where a media message names its file: the body and the XEP-0066 URL (either may be absent). */
    public static List<String> sharedUrls(Message message) {
        Element oob = message.getChildElement("x", OOB);
        return Arrays.asList(message.getBody(), oob == null ? null : oob.elementText("url"));
    }

    /** The users who have sent messages since the plugin started. */
    Set<String> senders() {
        return senders;
    }

    private static boolean isOneToOne(Message message) {
        return message.getType() == Message.Type.chat || message.getType() == Message.Type.normal;
    }


    /** The archive's queue is full (the database is unreachable): the sender learns it, nothing is half-delivered. */
    private void refuse(Message message) {
        Message error = new Message();
        error.setType(Message.Type.error);
        error.setID(message.getID());
        error.setFrom(message.getTo());
        error.setTo(message.getFrom());
        error.setError(PluginRouting.error(StanzaError.RESOURCE_CONSTRAINT,
                "the message archive is unavailable; try again later"));
        routing.route(error);
    }
}
