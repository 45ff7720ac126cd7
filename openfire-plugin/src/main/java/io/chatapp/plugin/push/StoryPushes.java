package io.chatapp.plugin.push;

import io.chatapp.plugin.stories.Story;
import io.chatapp.plugin.stories.StoryPostListener;
import java.util.Set;

/**
 * Turns a story a contact posted into a notification for each audience member of this server (the stories feature
 * already left out those who muted the owner's stories). Whether a member hears of it is the member's choice, off
 * by default ({@link NotificationPreferences#storyPushes}), and a chat mute of the owner silences it too. Runs on the
 * posting thread and only queues, as {@link StoryPostListener} asks.
 */
public final class StoryPushes implements StoryPostListener {

    private final LocalUsers localUsers;
    private final PushDispatcher dispatcher;

    public StoryPushes(String domain, PushDispatcher dispatcher) {
        this.localUsers = new LocalUsers(domain);
        this.dispatcher = dispatcher;
    }

    @Override
    public void posted(Story story, Set<String> recipients) {
        Notification notification = new Notification(NotificationKind.STORY, story.owner(), story.owner(),
                story.body(), false);
        for (String recipient : recipients) {
            String username = localUsers.username(recipient);
            if (username != null && !recipient.equals(story.owner())) {
                dispatcher.notify(username, notification);
            }
        }
    }
}
