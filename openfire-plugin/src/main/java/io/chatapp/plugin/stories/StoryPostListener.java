package io.chatapp.plugin.stories;

import java.util.Set;

/**
 * Told of each story posted, with the audience members who did not mute its owner's stories: the hook a push
 * notification feature uses, so that stories know nothing of push. Register through {@link StoryService#onPosted}.
 * Called on the thread that posted the story, after it is stored and its live events are sent; it must not block:
 * queue any work.
 */
@FunctionalInterface
public interface StoryPostListener {

    /**
     * @param story      the story just posted
     * @param recipients the bare JIDs of its audience among the owner's contacts, less those who muted the owner
     */
    void posted(Story story, Set<String> recipients);
}
