/**
 * Voice and video calls, the library side: signalling with Jingle Message Initiation (XEP-0353) and Jingle RTP
 * sessions (XEP-0166, XEP-0167, ICE-UDP XEP-0176 with trickle, DTLS-SRTP XEP-0320, rtcp-fb XEP-0293, rtp-hdrext
 * XEP-0294, grouping/BUNDLE XEP-0338, source-specific media attributes XEP-0339), the SDP mapping between those
 * elements and WebRTC, the call state machine (with {@code VideoSwitch} for adding and removing video through
 * XEP-0166 content actions) and the WebRTC media of a call. Sub-packages: {@code jingle} and
 * {@code jmi} (elements and their providers), {@code sdp} (SDP ↔ Jingle), {@code media} (webrtc-java).
 */
package io.chatapp.client.internal.calls;
