package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.client.ChatClient;
import io.chatapp.client.ChatClientException;
import io.chatapp.client.GroupEvent;
import io.chatapp.client.GroupInfo;
import io.chatapp.client.GroupMessage;
import io.chatapp.client.GroupRole;
import io.chatapp.client.GroupSettingsChange;
import io.chatapp.client.MessageStatus;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Groups through the client library: what an app built on it does and sees. */
@ExtendWith(ChatServerExtension.class)
class GroupsClientTest {

    @Test
    void aNameOrDescriptionTooLongForTheServerIsRefusedBeforeAnythingIsCreated(DevServer server, TestUsers users)
            throws Exception {
        TestUser alice = users.create("alice");
        try (Clients clients = new Clients(server)) {
            ChatClient a = clients.loggedIn(alice);
            String longName = "n".repeat(io.chatapp.client.GroupAdmin.MAX_NAME_CHARACTERS + 1);
            assertThatThrownBy(() -> a.groups().create(longName, null, List.of()).join())
                    .hasCauseInstanceOf(ChatClientException.class).hasMessageContaining("at most 100 characters");
            assertThat(a.groups().list().join()).as("no group left behind").isEmpty();

            GroupInfo group = a.groups().create("Team", null, List.of()).join();
            String longDescription = "d".repeat(io.chatapp.client.GroupAdmin.MAX_DESCRIPTION_CHARACTERS + 1);
            assertThatThrownBy(() -> a.groups().setInfo(group.room(), null, longDescription).join())
                    .hasCauseInstanceOf(ChatClientException.class).hasMessageContaining("at most 255 characters");
            assertThat(a.groups().list().join()).singleElement().satisfies(kept -> {
                assertThat(kept.name()).isEqualTo("Team");
                assertThat(kept.description()).isEmpty();
            });
        }
    }

    @Test
    void aGroupFromCreationToDeletion(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        TestUser carol = users.create("carol");
        try (Clients clients = new Clients(server)) {
            ChatClient a = clients.loggedIn(alice);
            ChatClient b = clients.loggedIn(bob);
            ChatClient c = clients.loggedIn(carol);
            Inbox<Object> aHears = Inbox.groups(a);
            Inbox<Object> bHears = Inbox.groups(b);
            Inbox<Object> cHears = Inbox.groups(c);

            GroupInfo group = a.groups().create("Team", "All of us", List.of(bob.username(), carol.jid())).join();
            String room = group.room();
            assertThat(group.name()).isEqualTo("Team");
            assertThat(group.description()).isEqualTo("All of us");
            assertThat(group.owner()).isEqualTo(alice.jid());
            assertThat(group.roleOf(bob.jid())).isEqualTo(GroupRole.MEMBER);
            assertThat(group.roleOf(carol.jid())).isEqualTo(GroupRole.MEMBER);
            // Added members' devices enter the room on the invitation.
            bHears.next(("joined:" + room)::equals);
            cHears.next(("joined:" + room)::equals);

            a.groupChat().send(room, "hello team").join();
            GroupMessage atBob = (GroupMessage) bHears.next(m -> m instanceof GroupMessage g && g.body().equals("hello team"));
            assertThat(atBob.from()).isEqualTo(alice.jid());
            assertThat(atBob.room()).isEqualTo(room);
            assertThat(atBob.outgoing()).isFalse();
            GroupMessage echo = (GroupMessage) aHears.next(m -> m instanceof GroupMessage g && g.body().equals("hello team"));
            assertThat(echo.outgoing()).isTrue();
            b.groupChat().send(room, "hi alice").join();
            assertThat(((GroupMessage) cHears.next(m -> m instanceof GroupMessage g && g.body().equals("hi alice")))
                    .from()).isEqualTo(bob.jid());

            // A plain member may not manage.
            assertThatThrownBy(() -> b.groups().add(room, List.of("dave")).join())
                    .isInstanceOf(CompletionException.class).cause().isInstanceOf(ChatClientException.class)
                    .extracting(e -> ((ChatClientException) e).reason()).isEqualTo(ChatClientException.Reason.NOT_ALLOWED);
            assertThatThrownBy(() -> b.groups().setInfo(room, "Mine", null).join()).cause()
                    .extracting(e -> ((ChatClientException) e).reason()).isEqualTo(ChatClientException.Reason.NOT_ALLOWED);

            a.groups().promote(room, bob.jid()).join();
            GroupEvent promoted = (GroupEvent) cHears.next(e -> e instanceof GroupEvent g
                    && g.type() == GroupEvent.Type.ADMIN_ADDED);
            assertThat(promoted.target()).isEqualTo(bob.jid());
            assertThat(promoted.actor()).isEqualTo(alice.jid());
            assertThat(promoted.text()).contains("is now an admin");

            b.groups().setInfo(room, "Team 2", null).join();
            GroupEvent renamed = (GroupEvent) aHears.next(e -> e instanceof GroupEvent g
                    && g.type() == GroupEvent.Type.NAME_CHANGED && "Team 2".equals(g.value()));
            assertThat(renamed.actor()).isEqualTo(bob.jid());

            b.groups().remove(room, carol.jid()).join();
            cHears.next(("left:" + room)::equals);
            aHears.next(e -> e instanceof GroupEvent g && g.type() == GroupEvent.Type.MEMBER_REMOVED);
            assertThat(c.groups().list().join()).isEmpty();
            assertThatThrownBy(() -> c.groupChat().send(room, "still here?").join()).isInstanceOf(CompletionException.class);

            a.groups().setSettings(room, GroupSettingsChange.builder().onlyAdminsSend(true).build()).join();
            bHears.next(e -> e instanceof GroupEvent g && g.type() == GroupEvent.Type.ANNOUNCE_CHANGED);
            a.groups().demote(room, bob.jid()).join();
            bHears.next(e -> e instanceof GroupEvent g && g.type() == GroupEvent.Type.ADMIN_REMOVED);

            GroupInfo now = b.groups().list().join().get(0);
            assertThat(now.name()).isEqualTo("Team 2");
            assertThat(now.announce()).isTrue();
            assertThat(now.members()).extracting(m -> m.jid()).containsExactly(alice.jid(), bob.jid());

            b.groups().leave(room).join();
            GroupEvent left = (GroupEvent) aHears.next(e -> e instanceof GroupEvent g
                    && g.type() == GroupEvent.Type.MEMBER_LEFT);
            assertThat(left.actor()).isEqualTo(bob.jid());
            assertThat(b.groups().list().join()).isEmpty();

            byte[] png = java.util.Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42"
                    + "mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
            a.groups().setImage(room, new io.chatapp.client.GroupImage("image/png", png)).join();
            aHears.next(e -> e instanceof GroupEvent g && g.type() == GroupEvent.Type.IMAGE_CHANGED);
            assertThat(a.groups().image(room).join().orElseThrow().bytes()).isEqualTo(png);
            assertThatThrownBy(() -> b.groups().image(room).join()).isInstanceOf(CompletionException.class);

            assertThatThrownBy(() -> b.groups().delete(room).join()).isInstanceOf(CompletionException.class);
            a.groups().delete(room).join();
            assertThat(a.groups().list().join()).isEmpty();
        }
    }

    @Test
    void membersEnterTheirGroupsAtLogin(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (Clients clients = new Clients(server)) {
            ChatClient a = clients.loggedIn(alice);
            // Bob is offline when he is added.
            String room = a.groups().create("Later", null, List.of(bob.jid())).join().room();
            ChatClient b = clients.open();
            Inbox<Object> bHears = Inbox.groups(b);
            b.login(bob.username(), bob.password()).join();
            bHears.next(("joined:" + room)::equals);
            a.groupChat().send(room, "welcome bob").join();
            assertThat(((GroupMessage) bHears.next(m -> m instanceof GroupMessage)).body()).isEqualTo("welcome bob");
        }
    }

    @Test
    void aMemberWhoWasOfflineCatchesUpFromTheGroupArchiveOnce(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (Clients clients = new Clients(server)) {
            ChatClient a = clients.loggedIn(alice);
            ChatClient b = clients.loggedIn(bob);
            Inbox<Object> bHears = Inbox.groups(b);
            String room = a.groups().create("Team", null, List.of(bob.jid())).join().room();
            bHears.next(("joined:" + room)::equals);
            a.groupChat().send(room, "while you are here").join();
            GroupMessage live = (GroupMessage) bHears.next(m -> m instanceof GroupMessage);
            assertThat(live.archiveId()).isNotNull();
            b.logout().join();

            a.groupChat().send(room, "missed one").join();
            a.groups().setInfo(room, "Team 2", null).join();
            a.groupChat().send(room, "missed two").join();

            ChatClient again = clients.loggedIn(bob);
            Inbox<Object> hears = Inbox.groups(again);
            // A new client: the newest page, in order, each once; events among the messages.
            List<String> seen = new java.util.ArrayList<>();
            while (seen.size() < 3 || !seen.get(seen.size() - 1).equals("missed two")) {
                Object item = hears.next(o -> o instanceof GroupMessage || o instanceof GroupEvent e
                        && e.type() == GroupEvent.Type.NAME_CHANGED);
                seen.add(item instanceof GroupMessage m ? m.body() : ((GroupEvent) item).value());
            }
            assertThat(seen).containsSubsequence("while you are here", "missed one", "Team 2", "missed two");
            assertThat(seen).doesNotHaveDuplicates();
            a.groupChat().send(room, "live again").join();
            GroupMessage next = (GroupMessage) hears.next(m -> m instanceof GroupMessage);
            assertThat(next.body()).isEqualTo("live again");
            assertThat(next.delayed()).isFalse();
        }
    }

    @Test
    void theSenderSeesEachMembersDeliveredAndReadState(DevServer server, TestUsers users) throws Exception {
        try (ThreeMembers three = new ThreeMembers(server, users)) {
            ChatClient a = three.a;
            ChatClient b = three.b;
            ChatClient c = three.c;
            Inbox<Object> bHears = three.bHears;
            Inbox<Object> cHears = three.cHears;
            TestUser bob = three.bob;
            TestUser carol = three.carol;
            Inbox<String> toAll = new Inbox<>();
            a.groupChat().onStatus((room, messageId, archiveId, status) ->
                    toAll.add((status == MessageStatus.DELIVERED ? "delivered:" : "read:") + messageId));
            String room = three.group("Team");

            String id = a.groupChat().send(room, "read me").join();
            bHears.next(m -> m instanceof GroupMessage g && g.body().equals("read me"));
            cHears.next(m -> m instanceof GroupMessage g && g.body().equals("read me"));
            // Both devices acknowledge on arrival: delivered to both, read by none.
            io.chatapp.client.MessageInfo delivered = awaitInfo(a, room, id,
                    info -> info.recipients().stream().allMatch(r -> r.deliveredAt() != null));
            assertThat(delivered.recipients()).extracting(io.chatapp.client.MessageInfo.Recipient::jid)
                    .containsExactlyInAnyOrder(bob.jid(), carol.jid());
            assertThat(delivered.recipients()).allMatch(r -> r.readAt() == null);

            assertThat(b.groupChat().markRead(room).join()).isTrue();
            io.chatapp.client.MessageInfo read = awaitInfo(a, room, id,
                    info -> info.recipients().stream().anyMatch(r -> r.readAt() != null));
            assertThat(read.recipients()).filteredOn(r -> r.readAt() != null)
                    .extracting(io.chatapp.client.MessageInfo.Recipient::jid).containsExactly(bob.jid());
            // The aggregated events (our extension): delivered to all came; read by all once carol has read too.
            assertThat(toAll.next()).isEqualTo("delivered:" + id);
            assertThat(c.groupChat().markRead(room).join()).isTrue();
            assertThat(toAll.next()).isEqualTo("read:" + id);

            // Only the sender may ask.
            assertThatThrownBy(() -> b.groupChat().messageInfo(room, id).join()).cause()
                    .extracting(e -> ((ChatClientException) e).reason())
                    .isEqualTo(ChatClientException.Reason.NOT_ALLOWED);
        }
    }

    @Test
    void aMarkerReadsTheEarlierMessagesTooAndTheirSendersLearnReadByAll(DevServer server, TestUsers users)
            throws Exception {
        try (ThreeMembers three = new ThreeMembers(server, users)) {
            Inbox<String> aliceToAll = readByAll(three.a);
            Inbox<String> bobToAll = readByAll(three.b);
            String room = three.group("Team");

            String first = three.a.groupChat().send(room, "first").join();
            three.cHears.next(m -> m instanceof GroupMessage g && g.body().equals("first"));
            String fromBob = three.b.groupChat().send(room, "from bob").join();
            three.cHears.next(m -> m instanceof GroupMessage g && g.body().equals("from bob"));
            three.aHears.next(m -> m instanceof GroupMessage g && g.body().equals("from bob"));
            String last = three.a.groupChat().send(room, "last").join();
            three.bHears.next(m -> m instanceof GroupMessage g && g.body().equals("last"));
            three.cHears.next(m -> m instanceof GroupMessage g && g.body().equals("last"));

            // Bob and carol mark only the newest message: alice's earlier one is read by both too.
            assertThat(three.b.groupChat().markRead(room).join()).isTrue();
            assertThat(three.c.groupChat().markRead(room).join()).isTrue();
            assertThat(List.of(aliceToAll.next(), aliceToAll.next())).containsExactlyInAnyOrder(first, last);
            io.chatapp.client.MessageInfo info = awaitInfo(three.a, room, first,
                    i -> i.recipients().stream().allMatch(r -> r.readAt() != null));
            assertThat(info.recipients()).allMatch(r -> r.readAt() != null);
            // Bob's message needs alice too (not bob himself): read by all once alice has read.
            assertThat(three.a.groupChat().markRead(room).join()).isTrue();
            assertThat(bobToAll.next()).isEqualTo(fromBob);
        }
    }

    /** The ids of the client's group messages it is told were read by all. */
    private static Inbox<String> readByAll(ChatClient client) {
        Inbox<String> inbox = new Inbox<>();
        client.groupChat().onStatus((room, messageId, archiveId, status) -> {
            if (status == MessageStatus.READ) {
                inbox.add(messageId);
            }
        });
        return inbox;
    }

    private static io.chatapp.client.MessageInfo awaitInfo(ChatClient client, String room, String id,
            java.util.function.Predicate<io.chatapp.client.MessageInfo> condition) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (true) {
            io.chatapp.client.MessageInfo info = client.groupChat().messageInfo(room, id).join();
            if (condition.test(info) || System.nanoTime() > deadline) {
                return info;
            }
            Thread.sleep(100);
        }
    }
}
