package io.chatapp.plugin.stories;

/**
 * A user's story choices: the audience of their future stories, and whether they send read receipts (without, they
 * are not listed as viewers and do not see their own stories' viewers). The plugin cannot know a client's receipts
 * choice (receipts are sent by clients), so clients tell it here.
 */
public record StoryPreferences(Audience audience, boolean readReceipts) {

    public static final StoryPreferences DEFAULT = new StoryPreferences(Audience.CONTACTS, true);
}
