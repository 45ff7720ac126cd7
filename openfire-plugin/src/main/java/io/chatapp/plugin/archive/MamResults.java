package io.chatapp.plugin.archive;

import io.chatapp.plugin.xmpp.XmppTime;
import org.dom4j.Document;
import org.dom4j.DocumentException;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.Namespace;
import org.dom4j.QName;

/**
 * Writes what a XEP-0313 query returns: one {@code <result>} per archived message (a retracted one as a XEP-0424
 * tombstone) and the closing {@code <fin>} with its RSM set.
 */
public final class MamResults {

    static final String FORWARD = "urn:xmpp:forward:0";
    static final String DELAY = "urn:xmpp:delay";
    static final String RETRACT = "urn:xmpp:message-retract:1";
    static final String SID = "urn:xmpp:sid:0";
    private static final Namespace CLIENT = Namespace.get("jabber:client");

    private MamResults() {
    }

    /** The {@code <result>} element to put in a message to the requester. */
    public static Element result(ArchivedMessage message, String queryId) {
        Element result = DocumentHelper.createElement(QName.get("result", MamQueryParser.NAMESPACE));
        if (queryId != null) {
            result.addAttribute("queryid", queryId);
        }
        result.addAttribute("id", ArchiveIds.format(message.id()));
        Element forwarded = result.addElement(QName.get("forwarded", FORWARD));
        forwarded.addElement(QName.get("delay", DELAY)).addAttribute("stamp", XmppTime.format(message.receivedAt()));
        // A retracted group message keeps a tombstone stanza of its own (sender and moderator); a one-to-one one none.
        forwarded.add(message.stanzaXml() == null ? tombstone(message) : original(message.stanzaXml()));
        return result;
    }

    /** The IQ result's {@code <fin>}: complete when the page reaches the end of the archive in its direction. */
    public static Element fin(ArchivePage page) {
        Element fin = DocumentHelper.createElement(QName.get("fin", MamQueryParser.NAMESPACE));
        if (page.complete()) {
            fin.addAttribute("complete", "true");
        }
        Element set = fin.addElement(QName.get("set", MamQueryParser.RSM));
        if (!page.messages().isEmpty()) {
            set.addElement("first").setText(ArchiveIds.format(page.messages().get(0).id()));
            set.addElement("last").setText(ArchiveIds.format(page.messages().get(page.messages().size() - 1).id()));
        }
        return fin;
    }

    /** The query form a client asks for with an empty {@code <query/>} get (XEP-0313 §5.1). */
    public static Element form() {
        Element query = DocumentHelper.createElement(QName.get("query", MamQueryParser.NAMESPACE));
        Element x = query.addElement(QName.get("x", MamQueryParser.DATA_FORMS)).addAttribute("type", "form");
        x.addElement("field").addAttribute("var", "FORM_TYPE").addAttribute("type", "hidden")
                .addElement("value").setText(MamQueryParser.NAMESPACE);
        x.addElement("field").addAttribute("var", "with").addAttribute("type", "jid-single");
        x.addElement("field").addAttribute("var", "start").addAttribute("type", "text-single");
        x.addElement("field").addAttribute("var", "end").addAttribute("type", "text-single");
        x.addElement("field").addAttribute("var", "after-id").addAttribute("type", "text-single");
        x.addElement("field").addAttribute("var", "before-id").addAttribute("type", "text-single");
        return query;
    }

    private static Element original(String stanzaXml) {
        Element stored;
        try {
            Document document = DocumentHelper.parseText(stanzaXml);
            stored = document.getRootElement();
        } catch (DocumentException e) {
            throw new IllegalStateException("archived stanza is not XML", e);
        }
        return inClientNamespace(stored);
    }

    private static Element tombstone(ArchivedMessage message) {
        Element stub = DocumentHelper.createElement(QName.get("message", CLIENT));
        stub.addAttribute("from", message.sender());
        stub.addAttribute("to", message.recipient());
        stub.addAttribute("type", "chat");
        if (message.messageId() != null) {
            stub.addAttribute("id", message.messageId());
        }
        if (message.originId() != null) {
            stub.addElement(QName.get("origin-id", SID)).addAttribute("id", message.originId());
        }
        stub.addElement(QName.get("retracted", RETRACT)).addAttribute("stamp",
                XmppTime.format(message.retractedAt()));
        return stub;
    }

    /**
     * A copy of the stored stanza whose top element and unqualified children are in {@code jabber:client}, as a
     * forwarded stanza must be (RFC 6120 content namespaces are not inherited across {@code <forwarded>}).
     */
    private static Element inClientNamespace(Element stored) {
        Element copy = DocumentHelper.createElement(QName.get(stored.getName(), CLIENT));
        copy.appendAttributes(stored);
        for (Element child : stored.elements()) {
            String uri = child.getNamespaceURI();
            if (uri == null || uri.isEmpty() || uri.equals(CLIENT.getURI())) {
                copy.add(inClientNamespace(child));
            } else {
                copy.add(child.createCopy());
            }
        }
        if (stored.elements().isEmpty() && !stored.getText().isEmpty()) {
            copy.setText(stored.getText());
        }
        return copy;
    }
}
