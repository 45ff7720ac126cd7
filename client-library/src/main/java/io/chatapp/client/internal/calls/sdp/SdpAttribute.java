package io.chatapp.client.internal.calls.sdp;

/**
 * One SDP attribute line {@code a=name:value} (value null for a flag such as {@code a=rtcp-mux}).
 */
record SdpAttribute(String name, String value) {

    static SdpAttribute parse(String line) {
        int colon = line.indexOf(':');
        return colon < 0 ? new SdpAttribute(line, null)
                : new SdpAttribute(line.substring(0, colon), line.substring(colon + 1));
    }

    @Override
    public String toString() {
        return "a=" + name + (value == null ? "" : ":" + value);
    }
}
