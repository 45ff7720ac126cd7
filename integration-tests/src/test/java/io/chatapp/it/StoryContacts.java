package io.chatapp.it;

import io.chatapp.client.ChatClient;
import io.chatapp.client.Story;
import io.chatapp.devserver.junit.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the stories tests share: making two users mutual contacts, and collecting story events. */
final class StoryContacts {

    private StoryContacts() {
    }

    /** Makes the two users mutual contacts (both subscribed to each other's presence) and waits until they are. */
    static void befriend(ChatClient a, TestUser aUser, ChatClient b, TestUser bUser) throws InterruptedException {
        b.contacts().onRequest(from -> {
            if (from.equals(aUser.jid())) {
                b.contacts().accept(from);
            }
        });
        a.contacts().add(bUser.jid(), bUser.username()).join();
        awaitMutual(a, bUser.jid());
        awaitMutual(b, aUser.jid());
    }

    private static void awaitMutual(ChatClient client, String contact) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (client.contacts().list().stream().noneMatch(c -> c.jid().equals(contact) && c.mutual())) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Contact " + contact + " never became mutual: " + client.contacts().list());
            }
            Thread.sleep(50);
        }
    }

    /** Every story event the client hears, in order. */
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
