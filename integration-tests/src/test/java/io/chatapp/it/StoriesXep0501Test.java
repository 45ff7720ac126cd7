package io.chatapp.it;

import static io.chatapp.it.MutualContacts.befriend;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClient;
import io.chatapp.client.MediaProgressListener;
import io.chatapp.client.Story;
import io.chatapp.client.StoryAudience;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * XEP-0501 for standard clients, seen over raw XMPP: a story shared with all contacts is an item of the owner's
 * {@code urn:xmpp:pubsub-social-feed:stories:0} PEP node (Atom entry, media as the enclosure), readable by contacts
 * only; stories for a narrower audience never go there; deletion and expiry retract the item.
 */
class StoriesXep0501Test {

    private static final int LIFETIME_SECONDS = 8;
    private static final String ITEMS = "<pubsub xmlns='http://jabber.org/protocol/pubsub'>"
            + "<items node='urn:xmpp:pubsub-social-feed:stories:0'/></pubsub>";

    @RegisterExtension
    static final ChatServerExtension SERVER = ChatServerExtension.withProperties(Map.of(
            "chatapp.stories.lifetimeSeconds", Integer.toString(LIFETIME_SECONDS),
            "chatapp.stories.cleanupIntervalSeconds", "1"));

    @TempDir
    Path files;

    @Test
    void allContactsStoriesArePublishedAndRetracted(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        TestUser mallory = users.create("mallory");
        try (Clients clients = new Clients(server);
             RawXmpp bobRaw = RawXmpp.login(server, bob);
             RawXmpp malloryRaw = RawXmpp.login(server, mallory)) {
            ChatClient aliceClient = clients.loggedIn(alice);
            befriend(aliceClient, alice, clients.loggedIn(bob), bob);

            Story image = aliceClient.stories().postMedia(MediaFiles.png(files, "pep.png", 100, 80), "For all",
                    MediaProgressListener.NONE).join();
            Story deleted = aliceClient.stories().postText("soon deleted", null, null).join();
            aliceClient.stories().setAudience(StoryAudience.ONLY, List.of(bob.jid())).join();
            Story onlyBob = aliceClient.stories().postText("only for Bob", null, null).join();

            String items = bobRaw.iq("get", alice.jid(), ITEMS);
            assertThat(items).contains("type='result'").contains(image.id()).contains(deleted.id())
                    .doesNotContain(onlyBob.id());
            assertThat(items).contains("http://www.w3.org/2005/Atom").contains("For all")
                    .contains("rel='enclosure'").contains("pep.png");
            assertThat(malloryRaw.iq("get", alice.jid(), ITEMS)).as("presence access: contacts only")
                    .contains("type='error'").doesNotContain(image.id());

            aliceClient.stories().delete(deleted.id()).join();
            assertThat(bobRaw.iq("get", alice.jid(), ITEMS)).contains(image.id()).doesNotContain(deleted.id());

            Instant deadline = image.expiresAt().plusSeconds(30);
            while (bobRaw.iq("get", alice.jid(), ITEMS).contains(image.id())) {
                assertThat(Instant.now()).as("retracted after expiry").isBefore(deadline);
                Thread.sleep(250);
            }
            assertThat(Instant.now()).as("not before expiry").isAfter(image.expiresAt());
        }
    }
}
