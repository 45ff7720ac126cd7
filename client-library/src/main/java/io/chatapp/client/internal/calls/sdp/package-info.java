/**
 * SDP ↔ Jingle, as Conversations maps it: each SDP media section is a Jingle content named by its {@code a=mid},
 * {@code a=group:BUNDLE} is a XEP-0338 group, rtpmap/fmtp/rtcp-fb/extmap/ssrc/ssrc-group/rtcp-mux are the RTP
 * description's children, ice-ufrag/ice-pwd/fingerprint/setup/candidate the ICE-UDP transport's. WebRTC sees only
 * SDP, the peer only Jingle.
 */
package io.chatapp.client.internal.calls.sdp;
