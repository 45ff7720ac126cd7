package io.chatapp.plugin;

import java.util.List;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;

/**
 * An XML element for the fuzz tests to build from generated parts: name, namespace, attributes ({name, value}),
 * text (or null) and children. An attribute named {@code xmlns} is left out, since dom4j takes the namespace from
 * the element's name.
 */
public record FuzzElement(String name, String namespace, List<String[]> attributes, String text,
                   List<FuzzElement> children) {

    public Element build() {
        Element element = DocumentHelper.createElement(DocumentHelper.createQName(name,
                DocumentHelper.createNamespace("", namespace)));
        fill(element);
        return element;
    }

    private void fill(Element element) {
        for (String[] attribute : attributes) {
            if (!attribute[0].equals("xmlns")) {
                element.addAttribute(attribute[0], attribute[1]);
            }
        }
        if (text != null) {
            element.setText(text);
        }
        for (FuzzElement child : children) {
            child.fill(element.addElement(child.name, child.namespace));
        }
    }
}
