package io.chatapp.plugin.groups;

import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import java.util.Set;
import org.dom4j.Element;

/**
 * The form and field types of XEP-0004, checked on a form submitted to a group room before the room reads it:
 * Openfire 4.2's MUC reads the form with Tinder's {@code DataForm}, which fails on a missing or unknown form type or
 * an unknown field type, and the room answers {@code internal-server-error} to what is the client's mistake.
 */
final class DataFormTypes {

    private static final Set<String> FORM = Set.of("form", "submit", "cancel", "result");
    private static final Set<String> FIELD = Set.of("boolean", "fixed", "hidden", "jid-multi", "jid-single",
            "list-multi", "list-single", "text-multi", "text-private", "text-single");

    private DataFormTypes() {
    }

    /** Refuses with {@code bad-request} a form whose type, or a field's type, XEP-0004 does not have. */
    static void check(Element form) {
        String type = form.attributeValue("type");
        if (type == null || !FORM.contains(type)) {
            throw new StanzaErrorException(StanzaError.BAD_REQUEST, "a data form's type is one of " + FORM);
        }
        for (Element field : form.elements("field")) {
            String fieldType = field.attributeValue("type");
            if (fieldType != null && !FIELD.contains(fieldType)) {
                throw new StanzaErrorException(StanzaError.BAD_REQUEST, "a data form field's type is one of " + FIELD);
            }
        }
    }
}
