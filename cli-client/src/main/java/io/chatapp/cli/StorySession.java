package io.chatapp.cli;

import io.chatapp.client.MediaProgressListener;
import io.chatapp.client.Story;
import io.chatapp.client.StoryAudience;
import io.chatapp.client.StoryFeedEntry;
import io.chatapp.client.StoryPrivacy;
import io.chatapp.client.StoryViewer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What {@code /status post|list|view|…} does with a logged-in account: status stories. Each call but
 * {@link #postFile} waits for the server and fails with a {@link CliException} carrying a clear message.
 */
public interface StorySession {

    Story postText(String text, String color);

    /** Uploads an image or video and posts it; cancelling the future stops the upload and posts nothing. */
    CompletableFuture<Story> postFile(Path file, String caption, MediaProgressListener progress);

    List<StoryFeedEntry> feed();

    List<Story> stories(String ownerBareJid);

    /** This account's own live stories, oldest first. */
    List<Story> mine();

    void view(String storyId);

    List<StoryViewer> viewers(String storyId);

    void delete(String storyId);

    StoryPrivacy privacy();

    StoryPrivacy setAudience(StoryAudience audience, List<String> memberBareJids);

    StoryPrivacy setReadReceipts(boolean on);

    void mute(String bareJid, boolean muted);
}
