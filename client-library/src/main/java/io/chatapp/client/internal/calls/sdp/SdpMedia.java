package io.chatapp.client.internal.calls.sdp;

import java.util.ArrayList;
import java.util.List;

/** One SDP media section: its {@code m=} line's media and formats, and its attributes in order. */
record SdpMedia(String media, String protocol, List<String> formats, List<SdpAttribute> attributes) {

    /** The first value of the attribute, or null. */
    String first(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).map(SdpAttribute::value).findFirst()
                .orElse(null);
    }

    boolean has(String name) {
        return attributes.stream().anyMatch(a -> a.name().equals(name));
    }

    List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (SdpAttribute attribute : attributes) {
            if (attribute.name().equals(name)) {
                values.add(attribute.value());
            }
        }
        return values;
    }
}
