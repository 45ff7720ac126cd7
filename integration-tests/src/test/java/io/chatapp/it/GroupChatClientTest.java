package io.chatapp.it;

import static io.chatapp.it.ClientFailures.reasonOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClient;
import io.chatapp.client.ChatClientException.Reason;
import io.chatapp.client.GroupMessage;
import io.chatapp.client.GroupRemoval;
import io.chatapp.client.MediaProgressListener;
import io.chatapp.client.SentMedia;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUsers;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Groups through the library: delete for everyone (the sender's retraction, an admin's removal with a reason, the
 * refusals, a member who was away catching up with tombstones only, a retracted file's link revoked) and the group
 * image's change heard from the room's XEP-0486 presence.
 */
@ExtendWith(ChatServerExtension.class)
class GroupChatClientTest {

    private final DevServer server;
    private final TestUsers users;

    @TempDir
    Path files;

    GroupChatClientTest(DevServer server, TestUsers users) {
        this.server = server;
        this.users = users;
    }

    @Test
    void membersRetractTheirOwnAndAdminsRemoveAnyonesWhileAwayMembersSeeOnlyTombstones() throws Exception {
        try (ThreeMembers m = new ThreeMembers(server, users)) {
            String room = m.group("Team");
            GroupMessage alices = said(m, m.a, room, "alice's words");
            GroupMessage typo = said(m, m.b, room, "a typo");
            // Carol goes away; she catches up later.
            m.c.logout().join();

            assertThat(reasonOf(() -> m.b.groupChat().retract(room, alices.archiveId()).join()))
                    .isEqualTo(Reason.NOT_ALLOWED);
            m.b.groupChat().retract(room, typo.archiveId()).join();
            GroupRemoval retracted = (GroupRemoval) m.aHears.next(x -> x instanceof GroupRemoval);
            assertThat(retracted).isEqualTo(new GroupRemoval(room, typo.archiveId(), null, null));

            GroupMessage rude = said(m, m.b, room, "something rude");
            assertThat(reasonOf(() -> m.b.groupChat().remove(room, alices.archiveId(), null).join()))
                    .isEqualTo(Reason.NOT_ALLOWED);
            m.a.groupChat().remove(room, rude.archiveId(), "be nice").join();
            GroupRemoval removed = (GroupRemoval) m.bHears.next(x -> x instanceof GroupRemoval r
                    && r.archiveId().equals(rude.archiveId()));
            assertThat(removed.removedBy()).isEqualTo(m.alice.jid());
            assertThat(removed.reason()).isEqualTo("be nice");

            try (Clients again = new Clients(server)) {
                ChatClient carol = again.loggedIn(m.carol);
                List<Object> heard = new CopyOnWriteArrayList<>();
                carol.groupChat().onMessage(heard::add);
                carol.groupChat().onRemoval(heard::add);
                Inbox<Object> hears = Inbox.groups(carol);
                hears.next(x -> x instanceof GroupRemoval r && r.archiveId().equals(rude.archiveId()));
                Thread.sleep(500);
                assertThat(heard).noneMatch(x -> x instanceof GroupMessage g
                        && (g.body().equals("a typo") || g.body().equals("something rude")))
                        .anyMatch(x -> x instanceof GroupMessage g && g.body().equals("alice's words"))
                        .anyMatch(x -> x instanceof GroupRemoval r && r.archiveId().equals(typo.archiveId()))
                        .anyMatch(x -> x instanceof GroupRemoval r && r.archiveId().equals(rude.archiveId())
                                && m.alice.jid().equals(r.removedBy()) && "be nice".equals(r.reason()));
            }
        }
    }

    @Test
    void aRetractedFilesLinkStopsWorking() throws Exception {
        Path photo = MediaFiles.png(files, "oops.png", 80, 80);
        try (ThreeMembers m = new ThreeMembers(server, users)) {
            String room = m.group("Team");
            SentMedia sent = m.a.groupChat().sendFile(room, photo, MediaProgressListener.NONE).join();
            GroupMessage received = (GroupMessage) m.bHears.next(x -> x instanceof GroupMessage g && g.hasMedia());
            m.a.groupChat().retract(room, received.archiveId()).join();
            m.bHears.next(x -> x instanceof GroupRemoval);
            assertThat(reasonOf(() -> m.b.media().download(received.media(), files.resolve("gone.png"),
                    MediaProgressListener.NONE).join())).isIn(Reason.NOT_FOUND, Reason.NOT_ALLOWED);
            assertThat(sent.attachment().url()).isEqualTo(received.media().url());
        }
    }

    @Test
    void aGroupImageChangeIsHeardFromTheRoomsPresence() throws Exception {
        try (ThreeMembers m = new ThreeMembers(server, users)) {
            String room = m.group("Team");
            Inbox<String> images = new Inbox<>();
            m.b.groupChat().onImageChanged((changed, hash) -> images.add(changed + " " + hash));
            byte[] png = java.util.Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR"
                    + "42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
            m.a.groups().setImage(room, new io.chatapp.client.GroupImage("image/png", png)).join();
            String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                    .digest(png));
            assertThat(images.next()).isEqualTo(room + " " + hash);
            m.a.groups().setImage(room, null).join();
            assertThat(images.next()).isEqualTo(room + " null");
        }
    }

    /** A text sent by one of the three, as bob's or alice's device heard it (with its archive id). */
    private static GroupMessage said(ThreeMembers m, ChatClient from, String room, String text) throws Exception {
        from.groupChat().send(room, text).join();
        Inbox<Object> other = from == m.a ? m.bHears : m.aHears;
        return (GroupMessage) other.next(x -> x instanceof GroupMessage g && g.body().equals(text));
    }
}
