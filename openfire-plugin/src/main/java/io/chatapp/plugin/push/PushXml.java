package io.chatapp.plugin.push;

import java.nio.charset.StandardCharsets;
import org.dom4j.Document;
import org.dom4j.DocumentException;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;

/**
 * XEP-0357 on the wire: the {@code <enable/>}/{@code <disable/>} requests' publish-options, and the pubsub publish
 * with its {@code urn:xmpp:push:summary} form sent to an app server.
 */
public final class PushXml {

    public static final String NAMESPACE = "urn:xmpp:push:0";
    public static final String PUBSUB = "http://jabber.org/protocol/pubsub";
    public static final String DATA_FORMS = "jabber:x:data";
    public static final String SUMMARY = "urn:xmpp:push:summary";
    public static final String PUBLISH_OPTIONS = "http://jabber.org/protocol/pubsub#publish-options";
    /** Not in XEP-0357: tells the app server a push must wake the device now (an incoming call). */
    public static final String PRIORITY_FIELD = "last-message-priority";

    private PushXml() {
    }

    /**
     * The publish-options form of an enable request, serialized, or null when it has none. A form that is not a
     * submitted {@code jabber:x:data} form is {@link IllegalArgumentException} (bad-request); one larger than
     * {@code maxBytes} is {@link OversizeException}.
     */
    public static String publishOptions(Element enable, int maxBytes) {
        Element form = enable.element(QName.get("x", DATA_FORMS));
        if (form == null) {
            if (!enable.elements().isEmpty()) {
                throw new IllegalArgumentException("enable carries only a jabber:x:data publish-options form");
            }
            return null;
        }
        String type = form.attributeValue("type");
        if (type != null && !type.equals("submit")) {
            throw new IllegalArgumentException("the publish-options form must be of type submit");
        }
        String xml = form.asXML();
        if (xml.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw new OversizeException(maxBytes);
        }
        return xml;
    }

    /** The {@code <pubsub/>} child of the publish IQ for one device. */
    public static Element publish(PushRegistration registration, PushSummary summary) {
        Element pubsub = DocumentHelper.createElement(QName.get("pubsub", PUBSUB));
        Element notification = pubsub.addElement("publish").addAttribute("node", registration.node())
                .addElement("item").addElement(QName.get("notification", NAMESPACE));
        Element form = notification.addElement(QName.get("x", DATA_FORMS)).addAttribute("type", "submit");
        field(form, "FORM_TYPE", SUMMARY).addAttribute("type", "hidden");
        field(form, "message-count", Integer.toString(summary.messageCount()));
        if (summary.lastSender() != null) {
            field(form, "last-message-sender", summary.lastSender());
        }
        if (summary.lastBody() != null) {
            field(form, "last-message-body", summary.lastBody());
        }
        if (summary.urgent()) {
            field(form, PRIORITY_FIELD, "high");
        }
        if (registration.publishOptions() != null) {
            pubsub.addElement("publish-options").add(parse(registration.publishOptions()));
        }
        return pubsub;
    }

    private static Element field(Element form, String var, String value) {
        Element field = form.addElement(QName.get("field", DATA_FORMS)).addAttribute("var", var);
        field.addElement(QName.get("value", DATA_FORMS)).setText(value);
        return field;
    }

    private static Element parse(String xml) {
        try {
            Document document = DocumentHelper.parseText(xml);
            return document.getRootElement().createCopy();
        } catch (DocumentException e) {
            throw new IllegalStateException("stored publish-options are not XML", e);
        }
    }

    /** A publish-options form larger than the server accepts. */
    public static final class OversizeException extends RuntimeException {
        public OversizeException(int maxBytes) {
            super("publish-options may be at most " + maxBytes + " bytes");
        }
    }
}
