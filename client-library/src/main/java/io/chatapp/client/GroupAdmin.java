package io.chatapp.client;

import io.chatapp.client.internal.xmpp.GroupCreateElement;
import io.chatapp.client.internal.xmpp.GroupRequestIQ;
import io.chatapp.client.internal.xmpp.GroupsIQ;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.vcardtemp.VCardManager;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Managing groups ({@link ChatClient#groups()}): WhatsApp-style groups on XEP-0045 rooms of the server's group
 * service with the chat-app plugin's rules ({@code urn:chatapp:groups:0}, docs/protocol.md). Creating, members and
 * admins, and deleting use standard MUC requests; the group list, info, settings and leaving use the plugin's
 * requests; the group image is the room's vCard (XEP-0054, XEP-0486). Messages and events of a group are
 * {@link ChatClient#groupChat()}'s.
 */
public final class GroupAdmin {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The longest group name the server keeps, in characters (docs/protocol.md, Groups). */
    public static final int MAX_NAME_CHARACTERS = 100;
    /** The longest group description the server keeps, in characters. */
    public static final int MAX_DESCRIPTION_CHARACTERS = 255;

    private final GroupRooms rooms;
    private final ClientContext context;

    GroupAdmin(GroupRooms rooms) {
        this.rooms = rooms;
        this.context = rooms.context;
    }

    /**
     * Creates a group owned by this account: a new room with a random address, configured with the name and
     * description, with {@code members} added (each gets an invitation). Completes with the group as the server
     * records it.
     */
    public CompletableFuture<GroupInfo> create(String name, String description, List<String> members) {
        Objects.requireNonNull(name, "name");
        return context.call(() -> {
            context.requireSession();
            if (name.isBlank()) {
                throw new ChatClientException(ChatClientException.Reason.INVALID_INPUT, "A group needs a name");
            }
            // Checked before the room exists: the server refuses a longer one only at the configuration form, and
            // the group would be left without its name.
            checkLengths(name, description);
            List<Jid> invitees = bareJids(members);
            EntityBareJid room = JidCreate.entityBareFrom("g" + HexFormat.of().formatHex(randomBytes()) + "@"
                    + service());
            MultiUserChat muc = rooms.chat(room);
            // The plugin makes a group only of a room whose creating presence asks for one (docs/protocol.md).
            MultiUserChat.MucCreateConfigFormHandle created = muc.createOrJoin(muc.getEnterConfigurationBuilder(
                    rooms.nickname()).withPresence(presence -> presence.addExtension(new GroupCreateElement()))
                    .build());
            if (created == null) {
                muc.leave();
                throw new ChatClientException(ChatClientException.Reason.SERVER_ERROR,
                        "The new group's random address was taken; try again");
            }
            rooms.entered(muc);
            FillableForm form = muc.getConfigurationForm().getFillableForm();
            form.setAnswer("muc#roomconfig_roomname", name);
            if (description != null && !description.isEmpty()) {
                form.setAnswer("muc#roomconfig_roomdesc", description);
            }
            muc.sendConfigurationForm(form);
            if (!invitees.isEmpty()) {
                muc.grantMembership(invitees);
            }
            return find(room.toString());
        });
    }

    /** Adds members (admins only); each gets an invitation. */
    public CompletableFuture<Void> add(String room, List<String> members) {
        return context.run(() -> muc(room).grantMembership(bareJids(members)));
    }

    /** Removes a member (admins only): they leave the room at once and see nothing more. */
    public CompletableFuture<Void> remove(String room, String member) {
        return context.run(() -> muc(room).revokeMembership(context.bareJid(member)));
    }

    /** Makes a member an admin (admins only). */
    public CompletableFuture<Void> promote(String room, String member) {
        return context.run(() -> muc(room).grantOwnership(context.bareJid(member)));
    }

    /** Makes an admin a plain member again (admins only; never the group owner). */
    public CompletableFuture<Void> demote(String room, String member) {
        return context.run(() -> muc(room).grantMembership(context.bareJid(member)));
    }

    /**
     * Changes the name and/or description (null leaves it as it is): admins, or every member when the group allows
     * it. Goes through the plugin, which changes the room's configuration.
     */
    public CompletableFuture<Void> setInfo(String room, String name, String description) {
        try {
            checkLengths(name, description);
        } catch (ChatClientException tooLong) {
            return CompletableFuture.failedFuture(tooLong);
        }
        return request(GroupRequestIQ.info(GroupRooms.room(room).toString(), name, description));
    }

    /** Refuses a name or description (null: none) longer than the server keeps, as {@code INVALID_INPUT}. */
    private static void checkLengths(String name, String description) {
        if (name != null && name.codePointCount(0, name.length()) > MAX_NAME_CHARACTERS) {
            throw new ChatClientException(ChatClientException.Reason.INVALID_INPUT, "A group's name is at most "
                    + MAX_NAME_CHARACTERS + " characters");
        }
        if (description != null && description.codePointCount(0, description.length())
                > MAX_DESCRIPTION_CHARACTERS) {
            throw new ChatClientException(ChatClientException.Reason.INVALID_INPUT, "A group's description is at"
                    + " most " + MAX_DESCRIPTION_CHARACTERS + " characters");
        }
    }

    /** Changes the group settings the change names, leaving the others as they are; admins only. */
    public CompletableFuture<Void> setSettings(String room, GroupSettingsChange change) {
        Objects.requireNonNull(change, "change");
        return request(GroupRequestIQ.settings(GroupRooms.room(room).toString(), change.onlyAdminsSend(),
                change.membersEditInfo()));
    }

    /**
     * Sets the group image (the room's vCard PHOTO, XEP-0486), or removes it with null: admins, or every member when
     * the group allows editing info. Members are told with a {@link GroupEvent.Type#IMAGE_CHANGED} event.
     */
    public CompletableFuture<Void> setImage(String room, GroupImage image) {
        EntityBareJid jid = GroupRooms.room(room);
        return context.run(() -> {
            context.requireSession();
            VCard vcard = new VCard();
            if (image != null) {
                vcard.setAvatar(image.bytes(), image.mimeType());
            }
            vcard.setTo(jid);
            vcard.setType(IQ.Type.set);
            context.connection().sendIqRequestAndWaitForResponse(vcard);
        });
    }

    /** The group image, if it has one (members only). */
    public CompletableFuture<Optional<GroupImage>> image(String room) {
        EntityBareJid jid = GroupRooms.room(room);
        return context.call(() -> {
            context.requireSession();
            VCard vcard = VCardManager.getInstanceFor(context.connection()).loadVCard(jid);
            byte[] bytes = vcard.getAvatar();
            return bytes == null || bytes.length == 0 ? Optional.<GroupImage>empty()
                    : Optional.of(new GroupImage(Objects.requireNonNullElse(vcard.getAvatarMimeType(), "image/png"),
                            bytes));
        });
    }

    /** Leaves the group; the group owner hands the group to the longest-standing admin (else member). */
    public CompletableFuture<Void> leave(String room) {
        EntityBareJid jid = GroupRooms.room(room);
        return context.run(() -> {
            context.requireSession();
            context.connection().sendIqRequestAndWaitForResponse(GroupRequestIQ.leave(jid.toString()));
            MultiUserChat muc = rooms.chat(jid);
            Resourcepart nickname = muc.getNickname();
            if (muc.isJoined() && nickname != null) {
                EntityFullJid occupant = JidCreate.entityFullFrom(jid, nickname);
                // The plugin has taken this account out of the room, or destroyed the room when it was the last
                // member; the room's presence saying so may come after this answer (Openfire 5.x's MUC service
                // runs on threads of its own), and a destroyed room never answers an exit, so MultiUserChat.leave()
                // would wait in vain: the exit is said without waiting for an answer.
                context.connection().sendStanza(context.connection().getStanzaFactory().buildPresenceStanza()
                        .ofType(Presence.Type.unavailable).to(occupant).build());
            }
        });
    }

    /** Deletes the group (the group owner only). */
    public CompletableFuture<Void> delete(String room) {
        return context.run(() -> muc(room).destroy(null, null));
    }

    /** This account's groups, from the server. */
    public CompletableFuture<List<GroupInfo>> list() {
        return context.call(rooms::fetch);
    }

    private MultiUserChat muc(String room) {
        return rooms.chat(GroupRooms.room(room));
    }

    private List<Jid> bareJids(List<String> members) throws Exception {
        List<Jid> jids = new ArrayList<>();
        for (String member : members) {
            jids.add(context.bareJid(member));
        }
        return jids;
    }

    private CompletableFuture<Void> request(GroupRequestIQ iq) {
        return context.run(() -> {
            context.requireSession();
            context.connection().sendIqRequestAndWaitForResponse(iq);
        });
    }

    private GroupInfo find(String room) throws Exception {
        return rooms.fetch().stream().filter(g -> g.room().equals(room)).findFirst().orElseThrow(() ->
                new ChatClientException(ChatClientException.Reason.SERVER_ERROR,
                        "The server does not list the new group " + room + " (is the chat-app plugin installed?)"));
    }

    /**
     * The group service's address: the configured one, else the service the server lists whose disco#info names the
     * groups protocol (Smack caches the answer for the connection).
     */
    private String service() throws Exception {
        Optional<String> configured = context.config.groupService();
        if (configured.isPresent()) {
            return configured.get() + "." + context.config.domain();
        }
        // Not the server itself, which lists the feature too: it answers the group list.
        String domain = context.config.domain();
        return ServiceDiscoveryManager.getInstanceFor(context.connection())
                .findServices(GroupsIQ.NAMESPACE, false, true).stream().map(DomainBareJid::toString)
                .filter(service -> !service.equalsIgnoreCase(domain)).findFirst()
                .orElseThrow(() -> new ChatClientException(ChatClientException.Reason.SERVER_ERROR,
                        "The server lists no groups service (is the chat-app plugin installed?)"));
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
