package io.chatapp.it;

import io.chatapp.client.ChatClient;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.util.List;

/**
 * Alice, bob and carol logged in with our library, each with an {@link Inbox} of what their group listener hears;
 * {@link #group} makes a group of the three owned by alice.
 */
final class ThreeMembers implements AutoCloseable {

    final TestUser alice;
    final TestUser bob;
    final TestUser carol;
    final ChatClient a;
    final ChatClient b;
    final ChatClient c;
    final Inbox<Object> aHears;
    final Inbox<Object> bHears;
    final Inbox<Object> cHears;
    private final Clients clients;

    ThreeMembers(DevServer server, TestUsers users) throws Exception {
        alice = users.create("alice");
        bob = users.create("bob");
        carol = users.create("carol");
        clients = new Clients(server);
        a = clients.loggedIn(alice);
        b = clients.loggedIn(bob);
        c = clients.loggedIn(carol);
        aHears = Inbox.groups(a);
        bHears = Inbox.groups(b);
        cHears = Inbox.groups(c);
    }

    /** Creates a group of the three; returns its room once bob's and carol's devices have entered it. */
    String group(String name) throws Exception {
        String room = a.groups().create(name, null, List.of(bob.jid(), carol.jid())).join().room();
        bHears.next(("joined:" + room)::equals);
        cHears.next(("joined:" + room)::equals);
        return room;
    }

    @Override
    public void close() {
        clients.close();
    }
}
