package io.chatapp.client.internal.xmpp;

import io.chatapp.client.GroupEvent;
import io.chatapp.client.GroupMessage;
import io.chatapp.client.GroupRemoval;
import io.chatapp.client.internal.GroupIncoming;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.forward.packet.Forwarded;
import org.jivesoftware.smackx.mam.element.MamElements;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jivesoftware.smackx.sid.element.StanzaIdElement;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;

/** Reads the Smack messages of a group's room (XEP-0045 {@code groupchat}) into {@link GroupIncoming}s. */
public final class GroupStanzaReader {

    private GroupStanzaReader() {
    }

    /**
     * A message the room sent this device.
     *
     * @param me       this account's bare address: its own messages are outgoing
     * @param now      the arrival time, used when the room put no delay stamp
     * @param realJids the real address of an occupant (groups are non-anonymous), or null when unknown
     */
    public static GroupIncoming readLive(Message message, EntityBareJid room, String me, Instant now,
                                         Function<EntityFullJid, Jid> realJids) {
        DelayInformation delay = message.getExtension(DelayInformation.class);
        Instant at = delay != null ? delay.getStamp().toInstant() : now;
        return read(message, room, archiveId(message, room), me, at, false,
                () -> sender(message.getFrom() == null ? null : message.getFrom().asEntityFullJidIfPossible(),
                        realJids));
    }

    /** A result of the room's archive: the archive id and time are the result's. */
    public static GroupIncoming readArchived(MamElements.MamResultExtension result, EntityBareJid room, String me,
                                             Instant now) {
        Forwarded<Message> forwarded = result.getForwarded();
        Message message = forwarded.getForwardedStanza();
        Instant at = forwarded.getDelayInformation() == null ? now
                : forwarded.getDelayInformation().getStamp().toInstant();
        return read(message, room, result.getId(), me, at, true, () -> realSender(message));
    }

    /** An event comes from the room itself; a message from an occupant, with a body. */
    private static GroupIncoming read(Message message, EntityBareJid roomJid, String archiveId, String me,
                                      Instant at, boolean delayed, Supplier<String> sender) {
        String room = roomJid.toString();
        Jid from = message.getFrom();
        GroupEventElement event = (GroupEventElement) message.getExtension(GroupEventElement.QNAME);
        if (event != null && from != null && from.isEntityBareJid()) {
            return GroupIncoming.of(new GroupEvent(room, GroupEvent.Type.of(event.type()), event.actor(),
                    event.target(), event.value(), Objects.requireNonNullElse(message.getBody(), ""),
                    event.stamp() != null ? event.stamp() : at), archiveId);
        }
        GroupRemoval removal = removal(message, room, archiveId);
        if (removal != null) {
            return GroupIncoming.of(removal, archiveId);
        }
        if (message.getBody() == null || from == null || from.getResourceOrNull() == null) {
            return GroupIncoming.nothingToShow(room, archiveId);
        }
        String author = sender.get();
        return GroupIncoming.of(new GroupMessage(room, Objects.requireNonNullElse(message.getStanzaId(), ""), author,
                message.getBody(), at, author.equals(me), archiveId, delayed, MediaElements.read(message)));
    }

    /**
     * A retraction or moderation (naming the removed message's stanza-id), or an archived tombstone (the removed
     * message itself, under its own archive id); null when the message is neither.
     */
    private static GroupRemoval removal(Message message, String room, String archiveId) {
        RetractElement retract = (RetractElement) message.getExtension(RetractElement.QNAME);
        if (retract != null && !retract.id().isEmpty()) {
            return removal(room, retract.id(), retract.moderation());
        }
        RetractedElement tombstone = (RetractedElement) message.getExtension(RetractedElement.QNAME);
        if (tombstone != null && archiveId != null) {
            return removal(room, archiveId, tombstone.moderation());
        }
        return null;
    }

    private static GroupRemoval removal(String room, String archiveId, Moderation moderation) {
        return new GroupRemoval(room, archiveId, moderation == null ? null : moderation.moderator(),
                moderation == null ? null : moderation.reason());
    }

    /** The XEP-0359 stanza-id the room's archive gave the message, or null. */
    private static String archiveId(Message message, EntityBareJid room) {
        for (ExtensionElement extension : message.getExtensions()) {
            if (extension instanceof StanzaIdElement id && room.toString().equals(id.getBy())) {
                return id.getId();
            }
        }
        return null;
    }

    /** An archived message's sender: the real address the room's archive gives (non-anonymous), else the nickname. */
    private static String realSender(Message archived) {
        MUCUser user = MUCUser.from(archived);
        if (user != null && user.getItem() != null && user.getItem().getJid() != null) {
            return user.getItem().getJid().asBareJid().toString();
        }
        return archived.getFrom().getResourceOrEmpty().toString();
    }

    /** The occupant's real bare address, else their nickname. */
    private static String sender(EntityFullJid occupant, Function<EntityFullJid, Jid> realJids) {
        Jid real = occupant == null ? null : realJids.apply(occupant);
        if (real != null) {
            return real.asBareJid().toString();
        }
        return occupant == null ? "" : occupant.getResourcepart().toString();
    }
}
