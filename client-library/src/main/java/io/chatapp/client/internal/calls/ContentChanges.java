package io.chatapp.client.internal.calls;

import io.chatapp.client.internal.calls.jingle.BundleGroup;
import io.chatapp.client.internal.calls.jingle.Fingerprint;
import io.chatapp.client.internal.calls.jingle.IceUdpTransport;
import io.chatapp.client.internal.calls.jingle.JingleContent;
import io.chatapp.client.internal.calls.sdp.JingleContents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The content-map arithmetic of XEP-0166 content-add, content-accept and content-remove in a WebRTC session, where an
 * SDP media section can never be taken out again: a removed content stays as an inactive section (Jingle senders
 * {@code none}) on both sides, so every later offer still lines up with the earlier ones, and a video added again
 * reuses it under the same name. Pure functions over Jingle contents, unit-tested.
 */
final class ContentChanges {

    static final String NONE = "none";

    private ContentChanges() {
    }

    /** Whether a content is in the session (not removed, i.e. not an inactive leftover section). */
    static boolean active(JingleContent content) {
        return !NONE.equals(content.senders());
    }

    /** Whether any active content carries video. */
    static boolean hasVideo(List<JingleContent> contents) {
        return contents.stream().anyMatch(c -> active(c) && c.description() != null
                && "video".equals(c.description().media()));
    }

    /** The contents of a new local offer that are not active in the session yet: what a content-add carries. */
    static List<JingleContent> added(List<JingleContent> before, List<JingleContent> offer, String creator) {
        Set<String> activeBefore = names(before.stream().filter(ContentChanges::active).toList());
        List<JingleContent> added = new ArrayList<>();
        for (JingleContent content : offer) {
            if (!activeBefore.contains(content.name()) && active(content)) {
                added.add(withCreator(content, creator));
            }
        }
        return added;
    }

    /**
     * The session's contents with {@code changes} put in: a content of the same name is replaced where it stands (a
     * removed section used again), others are appended, which is where a new SDP section goes.
     */
    static List<JingleContent> merged(List<JingleContent> session, List<JingleContent> changes) {
        Map<String, JingleContent> byName = new LinkedHashMap<>();
        session.forEach(c -> byName.put(c.name(), c));
        changes.forEach(c -> byName.put(c.name(), c));
        return List.copyOf(byName.values());
    }

    /** The contents with the named ones set to senders {@code none} (removed), the others as they were. */
    static List<JingleContent> removed(List<JingleContent> contents, Set<String> names) {
        return contents.stream().map(c -> names.contains(c.name()) ? new JingleContent(c.creator(), c.name(), NONE,
                c.description(), c.transport()) : c).toList();
    }

    /** content-remove and content-reject name contents without describing them: creator and name only. */
    static List<JingleContent> stubs(List<JingleContent> contents) {
        return contents.stream().map(c -> new JingleContent(c.creator(), c.name(), null, null, null)).toList();
    }

    static Set<String> names(List<JingleContent> contents) {
        Set<String> names = new java.util.LinkedHashSet<>();
        contents.forEach(c -> names.add(c.name()));
        return names;
    }

    /**
     * A BUNDLE group of all the contents, in order (an inactive section stays bundled, as libwebrtc keeps it); null
     * when there are none. For a peer that sent no group.
     */
    static BundleGroup bundle(List<JingleContent> contents) {
        List<String> names = contents.stream().map(JingleContent::name).toList();
        return names.isEmpty() ? null : new BundleGroup("BUNDLE", names);
    }

    /**
     * The peer's contents made fit to be an SDP answer: {@code actpass} is no answer's DTLS setup, so each one
     * becomes the role the peer already has in the session (the first content that states one), or
     * {@code passive} when none does: the peer offered first and libwebrtc, answering, took {@code active}.
     */
    static JingleContents asAnswer(JingleContents peer) {
        String role = peer.contents().stream().map(JingleContent::transport)
                .filter(t -> t != null && t.fingerprint() != null && t.fingerprint().setup() != null
                        && !t.fingerprint().setup().equals("actpass"))
                .map(t -> t.fingerprint().setup()).findFirst().orElse("passive");
        List<JingleContent> contents = new ArrayList<>();
        for (JingleContent content : peer.contents()) {
            IceUdpTransport transport = content.transport();
            Fingerprint fingerprint = transport == null ? null : transport.fingerprint();
            if (fingerprint != null && "actpass".equals(fingerprint.setup())) {
                transport = new IceUdpTransport(transport.ufrag(), transport.pwd(),
                        new Fingerprint(fingerprint.hash(), role, fingerprint.value()), transport.candidates());
                content = new JingleContent(content.creator(), content.name(), sendersAttribute(content),
                        content.description(), transport);
            }
            contents.add(content);
        }
        return new JingleContents(contents, peer.group());
    }

    private static JingleContent withCreator(JingleContent content, String creator) {
        return new JingleContent(creator, content.name(), sendersAttribute(content), content.description(),
                content.transport());
    }

    /** Null for the default (both), as the element writes it. */
    private static String sendersAttribute(JingleContent content) {
        return content.senders().equals("both") ? null : content.senders();
    }
}
