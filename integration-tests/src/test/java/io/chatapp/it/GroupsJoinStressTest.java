package io.chatapp.it;

import io.chatapp.client.ChatClient;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many groups created with members who are online: every member's device enters every group on the invitation, at
 * the first attempt (the library does not retry an entry). Guards against the race where an invited device's entry
 * got no answer from the room.
 */
@ExtendWith(ChatServerExtension.class)
class GroupsJoinStressTest {

    private static final int CYCLES = 40;

    @Test
    void everyInvitedDeviceEntersEveryNewGroup(DevServer server, TestUsers users) throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        TestUser carol = users.create("carol");
        try (Clients clients = new Clients(server)) {
            ChatClient a = clients.loggedIn(alice);
            ChatClient b = clients.loggedIn(bob);
            ChatClient c = clients.loggedIn(carol);
            Inbox<Object> bHears = Inbox.groups(b);
            Inbox<Object> cHears = Inbox.groups(c);
            for (int i = 0; i < CYCLES; i++) {
                String room = a.groups().create("Group " + i, null, List.of(bob.jid(), carol.jid())).join().room();
                bHears.next(("joined:" + room)::equals);
                cHears.next(("joined:" + room)::equals);
            }
        }
    }
}
