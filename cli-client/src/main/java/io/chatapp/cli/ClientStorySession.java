package io.chatapp.cli;

import io.chatapp.client.MediaProgressListener;
import io.chatapp.client.Stories;
import io.chatapp.client.Story;
import io.chatapp.client.StoryAudience;
import io.chatapp.client.StoryFeedEntry;
import io.chatapp.client.StoryPrivacy;
import io.chatapp.client.StoryViewer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@link StorySession} on a logged-in client's {@link Stories}. */
final class ClientStorySession implements StorySession {

    private final Stories stories;

    ClientStorySession(Stories stories) {
        this.stories = stories;
    }

    @Override
    public Story postText(String text, String color) {
        return Await.result(stories.postText(text, color, null), "posting the status");
    }

    @Override
    public CompletableFuture<Story> postFile(Path file, String caption, MediaProgressListener progress) {
        return stories.postMedia(file, caption, progress);
    }

    @Override
    public List<StoryFeedEntry> feed() {
        return Await.result(stories.feed(), "listing status updates");
    }

    @Override
    public List<Story> stories(String ownerBareJid) {
        return Await.result(stories.fetch(ownerBareJid), "fetching the status");
    }

    @Override
    public List<Story> mine() {
        return Await.result(stories.mine(), "fetching your status");
    }

    @Override
    public void view(String storyId) {
        Await.result(stories.view(storyId), "marking the status viewed");
    }

    @Override
    public List<StoryViewer> viewers(String storyId) {
        return Await.result(stories.viewers(storyId), "listing viewers");
    }

    @Override
    public void delete(String storyId) {
        Await.result(stories.delete(storyId), "deleting the status");
    }

    @Override
    public StoryPrivacy privacy() {
        return Await.result(stories.privacy(), "reading your status privacy");
    }

    @Override
    public StoryPrivacy setAudience(StoryAudience audience, List<String> memberBareJids) {
        return Await.result(stories.setAudience(audience, memberBareJids), "setting your status privacy");
    }

    @Override
    public StoryPrivacy setReadReceipts(boolean on) {
        return Await.result(stories.setReadReceipts(on), "setting read receipts");
    }

    @Override
    public void mute(String bareJid, boolean muted) {
        Await.result(stories.mute(bareJid, muted), muted ? "muting" : "unmuting");
    }
}
