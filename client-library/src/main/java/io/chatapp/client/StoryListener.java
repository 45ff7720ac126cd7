package io.chatapp.client;

/** Hears that a contact posted a story shared with this account (not for contacts this account muted). */
@FunctionalInterface
public interface StoryListener {
    void onStory(Story story);
}
