package io.chatapp.it;

import io.chatapp.client.ChatClient;
import io.chatapp.client.Story;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The story events a client hears, for tests that wait for one or check that one never came. */
final class HeardStories {

    private HeardStories() {
    }

    /** Every story event the client hears from now on, in order. */
    static List<Story> events(ChatClient client) {
        List<Story> heard = new CopyOnWriteArrayList<>();
        client.stories().onStory(heard::add);
        return heard;
    }

    /** Waits until a story with the id was heard. */
    static Story awaitEvent(List<Story> heard, String storyId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            for (Story story : heard) {
                if (story.id().equals(storyId)) {
                    return story;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("No event of story " + storyId + "; heard " + heard);
            }
            Thread.sleep(20);
        }
    }
}
