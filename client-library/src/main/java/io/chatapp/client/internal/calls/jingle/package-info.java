/**
 * Jingle elements, one class per element with its Smack provider nested as {@code Provider}: XEP-0166 (jingle,
 * content, reason), XEP-0167 (RTP description, payload-type, parameter, rtcp-mux, session-info), XEP-0176 (ICE-UDP
 * transport, candidate), XEP-0320 (fingerprint with setup), XEP-0293 (rtcp-fb), XEP-0294 (rtp-hdrext,
 * extmap-allow-mixed), XEP-0338 (group), XEP-0339 (source, ssrc-group) and XEP-0166's error conditions.
 */
package io.chatapp.client.internal.calls.jingle;
