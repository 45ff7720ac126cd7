package io.chatapp.client;

import java.util.List;

/**
 * This account's story choices: the audience of future stories (the members it names for {@code EXCEPT} and
 * {@code ONLY}), and whether it sends read receipts: without, it is not listed as a viewer of others' stories and
 * sees no viewers of its own.
 */
public record StoryPrivacy(StoryAudience audience, List<String> members, boolean readReceipts) {

    public StoryPrivacy {
        members = List.copyOf(members);
    }
}
