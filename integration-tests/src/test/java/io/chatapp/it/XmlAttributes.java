package io.chatapp.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The attributes of every element of one name in a stanza printed as XML, for tests that read raw answers. */
final class XmlAttributes {

    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w:-]+)=(?:'([^']*)'|\"([^\"]*)\")");

    private XmlAttributes() {
    }

    static List<Map<String, String>> of(String xml, String element) {
        Matcher elements = Pattern.compile("<" + element + "\\s([^>]*?)/?>").matcher(xml);
        List<Map<String, String>> all = new ArrayList<>();
        while (elements.find()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher attribute = ATTRIBUTE.matcher(elements.group(1));
            while (attribute.find()) {
                attributes.put(attribute.group(1), attribute.group(2) != null ? attribute.group(2)
                        : attribute.group(3));
            }
            all.add(attributes);
        }
        return all;
    }
}
