package io.chatapp.plugin.presence;

import java.util.Optional;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;

/**
 * The last-seen privacy element {@code <last-seen xmlns='urn:chatapp:last-seen:0' visibility='…'/>}: a set carries the
 * new visibility, a get carries none and is answered with the current one.
 */
public final class LastSeenXml {

    public static final String NAMESPACE = "urn:chatapp:last-seen:0";
    public static final QName LAST_SEEN = QName.get("last-seen", NAMESPACE);

    private LastSeenXml() {
    }

    /**
     * The visibility a set asks for, or empty ({@code bad-request}) when the element is not {@code <last-seen/>} or its
     * {@code visibility} is missing or unknown.
     */
    public static Optional<LastSeenVisibility> parse(Element element) {
        if (element == null || !LAST_SEEN.equals(element.getQName())) {
            return Optional.empty();
        }
        return LastSeenVisibility.fromAttribute(element.attributeValue("visibility"));
    }

    /** The element of a get request (no visibility). */
    public static Element request() {
        return DocumentHelper.createElement(LAST_SEEN);
    }

    /** The element of a set request or a get answer. */
    public static Element render(LastSeenVisibility visibility) {
        Element element = DocumentHelper.createElement(LAST_SEEN);
        element.addAttribute("visibility", visibility.attributeValue());
        return element;
    }
}
