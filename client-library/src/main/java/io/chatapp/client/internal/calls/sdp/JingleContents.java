package io.chatapp.client.internal.calls.sdp;

import io.chatapp.client.internal.calls.jingle.BundleGroup;
import io.chatapp.client.internal.calls.jingle.JingleContent;
import java.util.List;

/** What one SDP offer or answer is in Jingle: the contents and the BUNDLE group (null when none). */
public record JingleContents(List<JingleContent> contents, BundleGroup group) {

    public JingleContents {
        contents = List.copyOf(contents);
    }
}
