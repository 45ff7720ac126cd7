package io.chatapp.plugin.stories;

import java.util.Set;

/**
 * What the stories feature tells the outside world: a live event to the audience members who did not mute the owner
 * when a story is posted, and the XEP-0501 node of stories shared with all contacts. The binding sends the stanzas;
 * each call returns at once.
 */
public interface StoryEvents {

    StoryEvents NONE = new StoryEvents() {
        @Override
        public void posted(PostedStory story, Set<String> recipients) {
        }

        @Override
        public void removed(Story story) {
        }
    };

    /** A story was posted; {@code recipients} are the bare JIDs to tell. */
    void posted(PostedStory story, Set<String> recipients);

    /** A story expired or was deleted. */
    void removed(Story story);
}
