package io.chatapp.client.internal.calls.sdp;

import io.chatapp.client.internal.calls.jingle.IceCandidate;

/**
 * ICE candidates between SDP ({@code candidate:foundation component protocol priority ip port typ type [raddr a
 * rport p] [generation g] [network-id n] …}, RFC 8839) and XEP-0176 candidate elements.
 */
public final class CandidateLines {

    private CandidateLines() {
    }

    /** Parses a candidate attribute value, with or without the {@code candidate:} prefix. */
    public static IceCandidate parse(String line) {
        String value = line.startsWith("a=") ? line.substring(2) : line;
        value = value.startsWith("candidate:") ? value.substring("candidate:".length()) : value;
        String[] parts = value.strip().split(" ");
        if (parts.length < 8 || !"typ".equals(parts[6])) {
            throw new IllegalArgumentException("Malformed candidate: " + line);
        }
        String relatedAddress = null;
        int relatedPort = -1;
        int generation = 0;
        int network = 0;
        for (int i = 8; i + 1 < parts.length; i += 2) {
            switch (parts[i]) {
                case "raddr" -> relatedAddress = parts[i + 1];
                case "rport" -> relatedPort = Integer.parseInt(parts[i + 1]);
                case "generation" -> generation = Integer.parseInt(parts[i + 1]);
                case "network-id" -> network = Integer.parseInt(parts[i + 1]);
                default -> { } // ufrag, network-cost: known from elsewhere or not mapped
            }
        }
        int component = Integer.parseInt(parts[1]);
        int port = Integer.parseInt(parts[5]);
        return new IceCandidate(parts[0], component, parts[2].toLowerCase(java.util.Locale.ROOT),
                Long.parseLong(parts[3]), parts[4], port, parts[7], relatedAddress, relatedPort, generation,
                parts[0] + "-" + component + "-" + port, network);
    }

    /** The candidate as an SDP attribute value, with the {@code candidate:} prefix and without {@code a=}. */
    public static String format(IceCandidate c) {
        StringBuilder line = new StringBuilder("candidate:").append(c.foundation()).append(' ')
                .append(c.component()).append(' ').append(c.protocol()).append(' ').append(c.priority()).append(' ')
                .append(c.ip()).append(' ').append(c.port()).append(" typ ").append(c.type());
        if (c.relatedAddress() != null) {
            line.append(" raddr ").append(c.relatedAddress()).append(" rport ").append(Math.max(c.relatedPort(), 0));
        }
        line.append(" generation ").append(c.generation());
        if (c.network() > 0) {
            line.append(" network-id ").append(c.network());
        }
        return line.toString();
    }
}
