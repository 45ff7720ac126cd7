package io.chatapp.plugin.groups.openfire;

import io.chatapp.plugin.groups.GroupImage;
import io.chatapp.plugin.groups.GroupService;
import io.chatapp.plugin.media.ContentSniffer;
import io.chatapp.plugin.openfire.PluginRouting;
import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import org.dom4j.Element;
import org.xmpp.packet.IQ;

/**
 * The group image as the room's vCard-temp (XEP-0054 PHOTO, as XEP-0486 uses it for MUC avatars), answered by the
 * plugin for group rooms (Openfire 4.2's MUC service keeps no room vCards): members read it; admins (or every member
 * when the group allows editing info) set it, or remove it with a vCard without PHOTO. Readdressed here from the
 * room like archive queries ({@link RoomIqReaddressing}); the answers come from the room.
 */
final class GroupVCard {

    static final String NAMESPACE = "vcard-temp";
    static final String READDRESSED = "vcard";

    private final GroupService groups;
    private final GroupBroadcast broadcast;

    GroupVCard(GroupService groups, GroupBroadcast broadcast) {
        this.groups = groups;
        this.broadcast = broadcast;
    }

    static boolean isVCard(IQ iq) {
        Element child = iq.getChildElement();
        return child != null && NAMESPACE.equals(child.getNamespaceURI())
                && (iq.getType() == IQ.Type.get || iq.getType() == IQ.Type.set);
    }

    CompletableFuture<IQ> answer(IQ request) {
        String room = request.getTo().toBareJID();
        String requester = request.getFrom().toBareJID();
        try {
            if (request.getType() == IQ.Type.get) {
                return groups.image(room, requester).handle((image, failure) -> {
                    if (failure != null) {
                        return PluginRouting.errorReply(request, failure);
                    }
                    IQ reply = IQ.createResultIQ(request);
                    Element vcard = reply.setChildElement("vCard", NAMESPACE);
                    image.ifPresent(found -> {
                        Element photo = vcard.addElement("PHOTO");
                        photo.addElement("TYPE").setText(found.mimeType());
                        photo.addElement("BINVAL").setText(Base64.getEncoder().encodeToString(found.bytes()));
                    });
                    return reply;
                });
            }
            broadcast.send(groups.setImage(room, requester, image(request.getChildElement())));
            broadcast.imageChanged(room, groups.imageHash(room));
            return CompletableFuture.completedFuture(IQ.createResultIQ(request));
        } catch (StanzaErrorException e) {
            return CompletableFuture.completedFuture(PluginRouting.errorReply(request, e));
        }
    }

    /** The PHOTO of a submitted vCard, or null when it has none (the image is removed). */
    static GroupImage image(Element vcard) {
        Element photo = vcard.element("PHOTO");
        if (photo == null || photo.elementTextTrim("BINVAL") == null || photo.elementTextTrim("BINVAL").isEmpty()) {
            return null;
        }
        String type = photo.elementTextTrim("TYPE");
        if (type == null || !type.startsWith("image/")) {
            throw new StanzaErrorException(StanzaError.BAD_REQUEST, "PHOTO needs a TYPE image/…");
        }
        byte[] bytes;
        try {
            // Strict (line breaks allowed): the MIME decoder would skip any garbage and accept nothing as an image.
            String binval = photo.elementTextTrim("BINVAL").replaceAll("\\s", "");
            bytes = Base64.getDecoder().decode(binval);
        } catch (IllegalArgumentException e) {
            throw new StanzaErrorException(StanzaError.BAD_REQUEST, "BINVAL is not base64");
        }
        // The bytes say what the image is, as for an uploaded file: members' clients show it as the type it is given.
        String sniffed = ContentSniffer.sniff(bytes);
        if (!sniffed.startsWith("image/")) {
            throw new StanzaErrorException(StanzaError.BAD_REQUEST, "PHOTO is not an image (its bytes are "
                    + sniffed + ")");
        }
        return GroupImage.of(sniffed, bytes);
    }
}
