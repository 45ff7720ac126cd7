/**
 * The media of a call through webrtc-java (libwebrtc): one {@link io.chatapp.client.internal.calls.media.MediaEngine}
 * per client (the peer connection factory and its audio device module), one
 * {@link io.chatapp.client.internal.calls.media.PeerSession} per call. Without an audio device (a server, a test) the
 * engine uses libwebrtc's headless audio module, so it never opens a missing device, and the call sends a generated
 * tone; video comes from a real camera when there is one ({@code CameraChoice}, {@code CameraSource}) and is a
 * generated pattern otherwise; {@link io.chatapp.client.internal.calls.media.ReceivedMedia} measures what
 * arrives (audio energy, decoded frames). Adaptive video: each session's
 * {@link io.chatapp.client.internal.calls.media.SendQualityController} reads the call's statistics every half second,
 * the {@link io.chatapp.client.internal.calls.media.QualityLadder} (pure, unit-tested) picks a
 * {@link io.chatapp.client.CallQuality} step, and the controller puts its limits on the video sender.
 */
package io.chatapp.client.internal.calls.media;
