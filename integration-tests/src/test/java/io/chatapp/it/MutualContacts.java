package io.chatapp.it;

import io.chatapp.client.ChatClient;
import io.chatapp.devserver.junit.TestUser;
import java.time.Duration;
import java.time.Instant;

/** Making two users mutual contacts (both subscribed to each other's presence), and waiting until a roster shows it. */
final class MutualContacts {

    private MutualContacts() {
    }

    /** Makes the two users mutual contacts and waits until both rosters show it. */
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

    /** Waits until the client's roster shows the contact with a mutual subscription. */
    static void awaitMutual(ChatClient client, String contact) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (client.contacts().list().stream().noneMatch(c -> c.jid().equals(contact) && c.mutual())) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Contact " + contact + " never became mutual: " + client.contacts().list());
            }
            Thread.sleep(50);
        }
    }
}
