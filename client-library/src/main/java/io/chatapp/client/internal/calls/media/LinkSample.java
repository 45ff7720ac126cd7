package io.chatapp.client.internal.calls.media;

/**
 * What one look at a call's statistics says about the link to the peer.
 *
 * @param availableKbps the send bandwidth libwebrtc's congestion control estimates (the selected candidate pair's
 *                      {@code availableOutgoingBitrate}), in kbit/s; negative when not known yet
 * @param fractionLost  the share of this side's video packets the peer reports lost (remote-inbound-rtp
 *                      {@code fractionLost}), 0 to 1
 * @param rttMillis     the round-trip time to the peer in milliseconds; negative when not known
 */
record LinkSample(double availableKbps, double fractionLost, double rttMillis) {

    /** Whether the sample says anything: congestion control has an estimate. */
    boolean known() {
        return availableKbps >= 0;
    }
}
