package io.chatapp.plugin.groups;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dom4j.Element;

/**
 * The room configuration every room of the group service keeps, whatever a configuration form submits: a group is
 * private. The plugin rewrites these fields in every submitted {@code muc#roomconfig} form (rather than refusing the
 * form), so standard clients that submit their defaults, or an empty "instant room" form, still succeed. Booleans are
 * "1"/"0": Openfire 4.2 reads only "1" as true.
 */
public final class PrivateRoomConfig {

    /** Field var → the value it is forced to. */
    public static final Map<String, String> FORCED;

    static {
        Map<String, String> forced = new LinkedHashMap<>();
        forced.put("muc#roomconfig_persistentroom", "1");
        forced.put("muc#roomconfig_membersonly", "1");
        forced.put("muc#roomconfig_whois", "anyone");
        forced.put("muc#roomconfig_publicroom", "0");
        forced.put("muc#roomconfig_allowinvites", "0");
        forced.put("muc#roomconfig_moderatedroom", "0");
        forced.put("muc#roomconfig_passwordprotectedroom", "0");
        forced.put("muc#roomconfig_changesubject", "0");
        // No MUC occupant limit (Openfire's default is 30): the plugin enforces chatapp.groups.maxMembers instead.
        forced.put("muc#roomconfig_maxusers", "0");
        FORCED = java.util.Collections.unmodifiableMap(forced);
    }

    /**
     * Fields removed from submitted forms: a form may set the owner and admin lists wholesale, which would bypass the
     * checks on affiliation changes (an admin could demote the group owner). Affiliations change only by admin IQs.
     */
    public static final java.util.List<String> REMOVED = java.util.List.of("muc#roomconfig_roomowners",
            "muc#roomconfig_roomadmins");

    public static final String NAME = "muc#roomconfig_roomname";
    public static final String DESCRIPTION = "muc#roomconfig_roomdesc";

    private PrivateRoomConfig() {
    }

    /** Forces the private-group fields in a submitted configuration form (a {@code jabber:x:data} element). */
    public static void keepPrivate(Element form) {
        for (String var : REMOVED) {
            Element field = field(form, var);
            if (field != null) {
                form.remove(field);
            }
        }
        FORCED.forEach((var, value) -> {
            Element field = field(form, var);
            if (field == null) {
                field = form.addElement("field").addAttribute("var", var);
            }
            for (Element old : new ArrayList<>(field.elements("value"))) {
                field.remove(old);
            }
            field.addElement("value").setText(value);
        });
    }

    /** A field's first value in a submitted form: null when the field is absent, empty when it has no value. */
    static String value(Element form, String var) {
        Element field = field(form, var);
        return field == null ? null : field.elementText("value") == null ? "" : field.elementText("value");
    }

    private static Element field(Element form, String var) {
        for (Element field : form.elements("field")) {
            if (var.equals(field.attributeValue("var"))) {
                return field;
            }
        }
        return null;
    }
}
