package io.chatapp.client.internal.calls.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * An SDP session description (RFC 8866) as far as a WebRTC call needs it: session-level attributes and media
 * sections. Lines other than {@code m=} and {@code a=} carry nothing the Jingle mapping uses and are dropped.
 */
record SessionDescription(List<SdpAttribute> attributes, List<SdpMedia> media) {

    /** Parses SDP text; fails with {@link IllegalArgumentException} on a malformed {@code m=} line. */
    static SessionDescription parse(String sdp) {
        List<SdpAttribute> session = new ArrayList<>();
        List<SdpMedia> sections = new ArrayList<>();
        List<SdpAttribute> current = session;
        for (String raw : sdp.split("\r?\n")) {
            String line = raw.strip();
            if (line.startsWith("m=")) {
                String[] parts = line.substring(2).split(" ");
                if (parts.length < 3) {
                    throw new IllegalArgumentException("Malformed media line: " + line);
                }
                current = new ArrayList<>();
                sections.add(new SdpMedia(parts[0], parts[2],
                        List.of(parts).subList(3, parts.length), current));
            } else if (line.startsWith("a=")) {
                current.add(SdpAttribute.parse(line.substring(2)));
            }
        }
        return new SessionDescription(session, sections);
    }

    /** A session attribute's first value, or null. */
    String first(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).map(SdpAttribute::value).findFirst()
                .orElse(null);
    }
}
