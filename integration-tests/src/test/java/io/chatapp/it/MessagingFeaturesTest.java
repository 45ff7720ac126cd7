package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.client.ChatClient;
import io.chatapp.client.ChatClientException;
import io.chatapp.client.ChatMessage;
import io.chatapp.client.HistoryPage;
import io.chatapp.client.LastSeenInfo;
import io.chatapp.client.LastSeenVisibility;
import io.chatapp.client.MessageInfo;
import io.chatapp.client.MessageStatus;
import io.chatapp.client.Retraction;
import io.chatapp.client.TypingState;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Issue 4's features end to end through our client library: status, typing, history, deletion, last seen. */
@ExtendWith(ChatServerExtension.class)
class MessagingFeaturesTest {

    record StatusChange(String messageId, String peer, MessageStatus status) {
    }

    record TypingEvent(String from, TypingState state) {
    }

    @Test
    void aSentMessageGoesSentDeliveredReadAndMessageInfoSaysWhen(DevServer server, TestUsers users)
            throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (Clients clients = new Clients(server)) {
            ChatClient a = clients.loggedIn(alice);
            ChatClient b = clients.loggedIn(bob);
            Inbox<StatusChange> statuses = new Inbox<>();
            a.receipts().onStatus((id, peer, status) -> statuses.add(new StatusChange(id, peer, status)));
            Inbox<ChatMessage> bobInbox = Inbox.messages(b);

            String id = a.sendMessage(bob.jid(), "did you get this?").join();
            // SENT (the server's acknowledgement) comes first unless Bob's receipt overtakes it: statuses only move
            // forward, so DELIVERED may be the first one seen.
            StatusChange first = statuses.next(change -> change.messageId().equals(id));
            assertThat(first.status()).isIn(MessageStatus.SENT, MessageStatus.DELIVERED);
            assertThat(bobInbox.next().archiveId()).isNotNull();
            StatusChange delivered = first.status() == MessageStatus.DELIVERED ? first
                    : statuses.next(change -> change.status() == MessageStatus.DELIVERED);
            assertThat(delivered.messageId()).isEqualTo(id);
            assertThat(delivered.peer()).isEqualTo(bob.jid());

            assertThat(b.receipts().markRead(alice.jid()).join()).isTrue();
            statuses.next(change -> change.messageId().equals(id) && change.status() == MessageStatus.READ);
            assertThat(a.receipts().status(id)).contains(MessageStatus.READ);

            MessageInfo info = a.receipts().messageInfo(id).join();
            assertThat(info.recipients()).singleElement().satisfies(recipient -> {
                assertThat(recipient.jid()).isEqualTo(bob.jid());
                assertThat(recipient.deliveredAt()).isNotNull();
                assertThat(recipient.readAt()).isNotNull();
            });
            assertThatThrownBy(() -> b.receipts().messageInfo(id).join()).hasCauseInstanceOf(
                    ChatClientException.class);
        }
    }

    @Test
    void typingIsShownAndAMessageEndsIt(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (Clients clients = new Clients(server)) {
            ChatClient a = clients.loggedIn(alice);
            ChatClient b = clients.loggedIn(bob);
            Inbox<TypingEvent> typing = new Inbox<>();
            b.typing().onTyping((from, state) -> typing.add(new TypingEvent(from, state)));

            a.typing().typing(bob.jid());
            assertThat(typing.next()).isEqualTo(new TypingEvent(alice.jid(), TypingState.COMPOSING));
            a.sendMessage(bob.jid(), "done typing").join();
            assertThat(typing.next(event -> event.state() != TypingState.COMPOSING).state())
                    .isEqualTo(TypingState.ACTIVE);
        }
    }

    @Test
    void historyPagesBackwardsAndRetractionAndDeleteForMeShowInIt(DevServer server, TestUsers users)
            throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (Clients clients = new Clients(server)) {
            ChatClient a = clients.loggedIn(alice);
            ChatClient b = clients.loggedIn(bob);
            Inbox<ChatMessage> bobInbox = Inbox.messages(b);
            Inbox<Retraction> retractions = new Inbox<>();
            b.retractions().onRetraction(retractions::add);
            List<String> ids = new ArrayList<>();
            for (int i = 1; i <= 25; i++) {
                ids.add(a.sendMessage(bob.jid(), "history " + i).join());
            }
            for (int i = 1; i <= 25; i++) {
                bobInbox.next(m -> m.body() != null && m.body().startsWith("history "));
            }

            HistoryPage latest = b.history().page(alice.jid(), 10, null).join();
            assertThat(latest.messages()).extracting(ChatMessage::body)
                    .containsExactly(range(16, 25));
            assertThat(latest.complete()).isFalse();
            HistoryPage earlier = b.history().page(alice.jid(), 10, latest.oldestArchiveId()).join();
            assertThat(earlier.messages()).extracting(ChatMessage::body).containsExactly(range(6, 15));
            HistoryPage first = b.history().page(alice.jid(), 10, earlier.oldestArchiveId()).join();
            assertThat(first.messages()).extracting(ChatMessage::body).containsExactly(range(1, 5));
            assertThat(first.complete()).isTrue();

            // Bob may not retract Alice's message; Alice may.
            assertThatThrownBy(() -> b.retractions().retract(alice.jid(), ids.get(24)).join())
                    .cause().isInstanceOfSatisfying(ChatClientException.class,
                            e -> assertThat(e.reason()).isEqualTo(ChatClientException.Reason.NOT_ALLOWED));
            assertThatThrownBy(() -> a.retractions().retract(bob.jid(), "no-such-message").join())
                    .cause().isInstanceOfSatisfying(ChatClientException.class,
                            e -> assertThat(e.reason()).isEqualTo(ChatClientException.Reason.NOT_FOUND));
            a.retractions().retract(bob.jid(), ids.get(24)).join();
            assertThat(retractions.next().messageId()).isEqualTo(ids.get(24));
            ChatMessage tombstone = b.history().page(alice.jid(), 5, null).join().messages().stream()
                    .filter(m -> m.id().equals(ids.get(24))).findFirst().orElseThrow();
            assertThat(tombstone.retracted()).isTrue();
            assertThat(tombstone.body()).isNullOrEmpty();

            // Delete for me: gone from Bob's history, still in Alice's.
            ChatMessage twentyFourth = b.history().page(alice.jid(), 5, null).join().messages().stream()
                    .filter(m -> "history 24".equals(m.body())).findFirst().orElseThrow();
            b.retractions().deleteForMe(twentyFourth.archiveId()).join();
            assertThat(b.history().page(alice.jid(), 5, null).join().messages()).extracting(ChatMessage::body)
                    .doesNotContain("history 24");
            assertThat(a.history().page(bob.jid(), 5, null).join().messages()).extracting(ChatMessage::body)
                    .contains("history 24");
        }
    }

    @Test
    void lastSeenRespectsTheContactsChoice(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (Clients clients = new Clients(server)) {
            ChatClient a = clients.loggedIn(alice);
            ChatClient b = clients.loggedIn(bob);
            assertThat(b.lastSeen().visibility().join()).isEqualTo(LastSeenVisibility.CONTACTS);
            assertThat(a.lastSeen().of(bob.jid()).join().kind()).isEqualTo(LastSeenInfo.Kind.HIDDEN);
            b.lastSeen().setVisibility(LastSeenVisibility.EVERYONE).join();
            assertThat(a.lastSeen().of(bob.jid()).join().kind()).isEqualTo(LastSeenInfo.Kind.ONLINE);
            b.logout().join();
            LastSeenInfo offline = a.lastSeen().of(bob.jid()).join();
            assertThat(offline.kind()).isIn(LastSeenInfo.Kind.OFFLINE, LastSeenInfo.Kind.ONLINE);
        }
    }

    @Test
    void aSecondDeviceSeesSentMessagesAndWhatWasReadElsewhere(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (Clients clients = new Clients(server)) {
            ChatClient a = clients.loggedIn(alice);
            ChatClient aliceLaptop = clients.loggedIn(alice);
            ChatClient b = clients.loggedIn(bob);
            Inbox<ChatMessage> laptop = Inbox.messages(aliceLaptop);
            Inbox<ChatMessage> phone = Inbox.messages(a);
            Inbox<String> readElsewhere = new Inbox<>();
            aliceLaptop.receipts().onReadElsewhere((peer, upTo, archiveId) -> readElsewhere.add(peer));
            Inbox<ChatMessage> bobInbox = Inbox.messages(b);

            a.sendMessage(bob.jid(), "from my phone").join();
            ChatMessage copy = laptop.next(m -> "from my phone".equals(m.body()));
            assertThat(copy.outgoing()).isTrue();
            assertThat(copy.peer()).isEqualTo(bob.jid());

            b.sendMessage(alice.jid(), "reply").join();
            bobInbox.next(m -> "from my phone".equals(m.body()));
            laptop.next(m -> "reply".equals(m.body()));
            // Openfire gives a message to the bare JID to one device, the other gets it as a carbon: wait for both.
            phone.next(m -> "reply".equals(m.body()));
            assertThat(a.receipts().markRead(bob.jid()).join()).isTrue();
            assertThat(readElsewhere.next()).isEqualTo(bob.jid());
        }
    }

    private static String[] range(int from, int to) {
        String[] bodies = new String[to - from + 1];
        for (int i = from; i <= to; i++) {
            bodies[i - from] = "history " + i;
        }
        return bodies;
    }
}
