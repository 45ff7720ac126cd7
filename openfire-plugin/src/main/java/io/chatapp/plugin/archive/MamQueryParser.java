package io.chatapp.plugin.archive;

import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import io.chatapp.plugin.xmpp.XmppTime;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.dom4j.Element;
import org.xmpp.packet.JID;

/**
 * Reads a XEP-0313 {@code <query xmlns="urn:xmpp:mam:2">} with its data form and RSM set into an {@link ArchiveQuery}.
 * Everything a client may get wrong is refused with the stanza error XEP-0313 names, before the archive is touched.
 */
public final class MamQueryParser {

    public static final String NAMESPACE = "urn:xmpp:mam:2";
    public static final String EXTENDED = "urn:xmpp:mam:2#extended";
    static final String DATA_FORMS = "jabber:x:data";
    static final String RSM = "http://jabber.org/protocol/rsm";
    static final int DEFAULT_MAX = 50;

    private final int maxPageSize;

    public MamQueryParser(int maxPageSize) {
        this.maxPageSize = maxPageSize;
    }

    public MamRequest parse(Element query) {
        Form form = Form.of(query.element("x"));
        Element set = query.element("set");
        if (set != null && !RSM.equals(set.getNamespaceURI())) {
            set = null;
        }
        if (query.element("flip-page") != null) {
            throw unsupported("flip-page is not supported");
        }
        String with = form.value("with") == null ? null : bareJid(form.value("with"));
        Instant start = time(form, "start");
        Instant end = time(form, "end");
        Long afterId = id(form.value("after-id"));
        Long beforeId = id(form.value("before-id"));
        int max = DEFAULT_MAX;
        boolean fromEnd = false;
        if (set != null) {
            if (set.element("index") != null) {
                throw unsupported("RSM index is not supported; page with before/after");
            }
            Element maxElement = set.element("max");
            if (maxElement != null) {
                max = nonNegative(maxElement.getTextTrim());
            }
            Element after = set.element("after");
            if (after != null) {
                afterId = later(afterId, id(after.getTextTrim()));
            }
            Element before = set.element("before");
            if (before != null) {
                fromEnd = true;
                if (!before.getTextTrim().isEmpty()) {
                    beforeId = earlier(beforeId, id(before.getTextTrim()));
                }
            }
        }
        if (beforeId != null) {
            fromEnd = true;
        }
        return new MamRequest(query.attributeValue("queryid"),
                new ArchiveQuery(with, start, end, afterId, beforeId, Math.min(max, maxPageSize), fromEnd));
    }

    private static Instant time(Form form, String field) {
        String value = form.value(field);
        if (value == null) {
            return null;
        }
        return XmppTime.parse(value).orElseThrow(() -> badRequest("'" + field + "' is not a XEP-0082 date-time"));
    }

    /**
     * An archive id, or bad-request for text that is not written as our ids are: the client made it up or garbled
     * it. A well-formed id that names no message of this archive is item-not-found, decided by the query itself
     * (XEP-0313 §6.2).
     */
    private static Long id(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        OptionalLong id = ArchiveIds.parse(text);
        if (id.isEmpty()) {
            throw badRequest("'" + abbreviated(text) + "' is not an archive id");
        }
        return id.getAsLong();
    }

    /** Client text quoted in an error, bounded so that a huge value is not echoed back whole. */
    private static String abbreviated(String text) {
        return text.length() <= 32 ? text : text.substring(0, 32) + "…";
    }

    private static Long later(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(Math.max(a, b));
    }

    private static Long earlier(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(Math.min(a, b));
    }

    private static int nonNegative(String text) {
        try {
            int value = Integer.parseInt(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw badRequest("RSM max must be a non-negative integer");
    }

    private static String bareJid(String text) {
        JID jid;
        try {
            jid = new JID(text.trim());
        } catch (IllegalArgumentException e) {
            throw badRequest("'with' is not a JID");
        }
        if (jid.getResource() != null) {
            throw unsupported("filtering by a full JID is not supported; use the bare JID");
        }
        return jid.toBareJID();
    }

    static StanzaErrorException badRequest(String text) {
        return new StanzaErrorException(StanzaError.BAD_REQUEST, text);
    }

    private static StanzaErrorException unsupported(String text) {
        return new StanzaErrorException(StanzaError.FEATURE_NOT_IMPLEMENTED, text);
    }

    /** The submitted data form, checked for its FORM_TYPE and for fields this archive does not know. */
    private record Form(Element x) {

        private static final List<String> KNOWN = List.of("FORM_TYPE", "with", "start", "end", "after-id",
                "before-id");

        static Form of(Element x) {
            if (x == null || !DATA_FORMS.equals(x.getNamespaceURI())) {
                return new Form(null);
            }
            String type = x.attributeValue("type");
            if (type != null && !type.equals("submit")) {
                throw badRequest("the query form must be of type submit");
            }
            for (Element field : x.elements("field")) {
                String var = field.attributeValue("var");
                if (var == null) {
                    throw badRequest("a form field without var");
                }
                if (!KNOWN.contains(var)) {
                    throw unsupported("field '" + var + "' is not supported");
                }
            }
            Form form = new Form(x);
            String formType = form.value("FORM_TYPE");
            if (formType != null && !formType.equals(NAMESPACE) && !formType.equals(EXTENDED)) {
                throw badRequest("unknown FORM_TYPE " + formType);
            }
            return form;
        }

        String value(String var) {
            if (x == null) {
                return null;
            }
            for (Element field : x.elements("field")) {
                if (var.equals(field.attributeValue("var"))) {
                    Element value = field.element("value");
                    return value == null ? null : value.getTextTrim();
                }
            }
            return null;
        }
    }
}
