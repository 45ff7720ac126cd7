package io.chatapp.plugin.groups.openfire;

import java.util.Optional;
import org.dom4j.Element;
import org.dom4j.QName;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

/**
 * The group image where standard clients look for a room's avatar (XEP-0486): its hash in the room's disco#info
 * ({@code muc#roominfo_avatarhash} in the {@code muc#roominfo} form, with the {@code vcard-temp} feature saying the
 * room answers vCard requests), and a presence from the room's bare JID carrying the XEP-0153
 * {@code vcard-temp:x:update} hash when the image changes, so clients in the room fetch the new one.
 */
final class RoomAvatar {

    static final String UPDATE_NAMESPACE = "vcard-temp:x:update";
    static final String HASH_FIELD = "muc#roominfo_avatarhash";
    private static final String DATA = "jabber:x:data";
    private static final String ROOM_INFO = "http://jabber.org/protocol/muc#roominfo";

    private RoomAvatar() {
    }

    /** Adds the vCard feature and (when there is an image) its hash to a group room's disco#info answer. */
    static void advertise(Element discoInfo, Optional<String> hash) {
        discoInfo.addElement("feature").addAttribute("var", GroupVCard.NAMESPACE);
        if (hash.isEmpty()) {
            return;
        }
        Element form = roomInfoForm(discoInfo);
        if (form == null) {
            form = discoInfo.addElement(QName.get("x", DATA)).addAttribute("type", "result");
            form.addElement("field").addAttribute("var", "FORM_TYPE").addAttribute("type", "hidden")
                    .addElement("value").setText(ROOM_INFO);
        }
        form.addElement("field").addAttribute("var", HASH_FIELD).addAttribute("type", "text-multi")
                .addElement("value").setText(hash.get());
    }

    private static Element roomInfoForm(Element discoInfo) {
        for (Element form : discoInfo.elements(QName.get("x", DATA))) {
            for (Element field : form.elements("field")) {
                if ("FORM_TYPE".equals(field.attributeValue("var")) && ROOM_INFO.equals(field.elementTextTrim("value"))) {
                    return form;
                }
            }
        }
        return null;
    }

    /** The room's presence announcing its image's hash to one occupant; an empty photo says it has none. */
    static Presence update(String room, JID occupant, Optional<String> hash) {
        Presence presence = new Presence();
        presence.setFrom(new JID(room));
        presence.setTo(occupant);
        Element photo = presence.addChildElement("x", UPDATE_NAMESPACE).addElement("photo");
        hash.ifPresent(photo::setText);
        return presence;
    }
}
