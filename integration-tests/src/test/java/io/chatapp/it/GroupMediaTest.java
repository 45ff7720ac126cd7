package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClient;
import io.chatapp.client.ChatClientException;
import io.chatapp.client.ChatClientException.Reason;
import io.chatapp.client.GroupMessage;
import io.chatapp.client.GroupSettingsChange;
import io.chatapp.client.MediaAttachment;
import io.chatapp.client.MediaProgressListener;
import io.chatapp.client.SentMedia;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Issues 5 and 6 together: a file shared in a group, received live and from the group archive, downloaded. */
@ExtendWith(ChatServerExtension.class)
class GroupMediaTest {

    private final DevServer server;
    private final TestUsers users;

    @TempDir
    Path files;

    GroupMediaTest(DevServer server, TestUsers users) {
        this.server = server;
        this.users = users;
    }

    @Test
    void anImageSharedInAGroupReachesMembersLiveAndFromTheGroupArchive() throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        Path out = Files.createDirectory(files.resolve("out"));
        Path photo = MediaFiles.png(out, "team photo.png", 640, 480);
        try (Clients clients = new Clients(server)) {
            ChatClient a = clients.loggedIn(alice);
            ChatClient b = clients.loggedIn(bob);
            Inbox<Object> aHears = Inbox.groups(a);
            Inbox<Object> bHears = Inbox.groups(b);
            String room = a.groups().create("Team", null, List.of(bob.jid())).join().room();
            bHears.next(("joined:" + room)::equals);

            List<long[]> progress = new ArrayList<>();
            SentMedia sent = a.groupChat().sendFile(room, photo, (done, total) -> progress.add(new long[] {done, total}))
                    .join();
            long size = Files.size(photo);
            assertThat(progress).isNotEmpty();
            assertThat(progress.get(progress.size() - 1)).containsExactly(size, size);
            assertThat(sent.to()).isEqualTo(room);
            assertThat(sent.attachment().mediaType()).isEqualTo("image/png");
            assertThat(sent.attachment().width()).isEqualTo(640);
            assertThat(sent.attachment().sha256()).isEqualTo(MediaFiles.sha256(photo));

            GroupMessage live = (GroupMessage) bHears.next(m -> m instanceof GroupMessage g && g.hasMedia());
            assertThat(live.room()).isEqualTo(room);
            assertThat(live.from()).isEqualTo(alice.jid());
            assertThat(live.id()).isEqualTo(sent.messageId());
            assertThat(live.media()).isEqualTo(sent.attachment());
            assertThat(live.body()).as("the link, for clients that show only text").isEqualTo(sent.attachment().url());
            assertThat(live.archiveId()).isNotNull();
            assertThat(live.delayed()).isFalse();
            Path saved = b.media().download(live.media(), files.resolve("live.png"), MediaProgressListener.NONE)
                    .join();
            assertThat(MediaFiles.sha256(saved)).isEqualTo(sent.attachment().sha256());
            GroupMessage echo = (GroupMessage) aHears.next(m -> m instanceof GroupMessage g && g.hasMedia());
            assertThat(echo.outgoing()).isTrue();
            assertThat(echo.media()).isEqualTo(sent.attachment());

            // Bob is offline while Alice shares a voice note; he gets it from the group archive when he is back.
            b.logout().join();
            Path voice = MediaFiles.wav(out, "voice.wav", 2);
            SentMedia missed = a.groupChat().sendFile(room, voice, MediaProgressListener.NONE).join();
            ChatClient again = clients.loggedIn(bob);
            Inbox<Object> hears = Inbox.groups(again);
            GroupMessage archived = (GroupMessage) hears.next(m -> m instanceof GroupMessage g && g.hasMedia()
                    && g.id().equals(missed.messageId()));
            assertThat(archived.delayed()).isTrue();
            assertThat(archived.from()).isEqualTo(alice.jid());
            assertThat(archived.media()).isEqualTo(missed.attachment());
            assertThat(archived.media().duration()).isNotNull();
            Path voiceSaved = again.media().download(archived.media(), files.resolve("voice.wav"),
                    MediaProgressListener.NONE).join();
            assertThat(MediaFiles.sha256(voiceSaved)).isEqualTo(MediaFiles.sha256(voice));
        }
    }

    @Test
    void membersGetFreshUrlsForAGroupsFileThroughTheTokenApiAndOthersDoNot() throws Exception {
        Path photo = MediaFiles.png(files, "shared.png", 50, 50);
        try (ThreeMembers m = new ThreeMembers(server, users); Clients tokenLogins = new Clients(server)) {
            String room = m.group("Team");
            // Fresh URLs need a token login: Carol's second device, and Dave's, who is not in the group.
            ChatClient carol = tokenLogins.loggedInWithToken(m.carol);
            ChatClient dave = tokenLogins.loggedInWithToken(users.create("dave"));
            SentMedia sent = m.a.groupChat().sendFile(room, photo, MediaProgressListener.NONE).join();
            MediaAttachment media = ((GroupMessage) m.cHears.next(msg -> msg instanceof GroupMessage g
                    && g.hasMedia())).media();

            MediaAttachment fresh = freshUrlOnceShared(carol, media);
            assertThat(fresh.sha256()).isEqualTo(sent.attachment().sha256());
            Path saved = carol.media().download(fresh, files.resolve("fresh.png"), MediaProgressListener.NONE)
                    .join();
            assertThat(Files.readAllBytes(saved)).isEqualTo(Files.readAllBytes(photo));
            assertThat(ClientFailures.reasonOf(() -> dave.media().freshUrl(media).join()))
                    .as("not a member of the group").isEqualTo(Reason.NOT_ALLOWED);
        }
    }

    @Test
    void whoMayNotSendToTheGroupIsRefusedBeforeUploading() throws Exception {
        Path photo = MediaFiles.png(files, "refused.png", 20, 20);
        try (ThreeMembers m = new ThreeMembers(server, users)) {
            String room = m.group("Announcements");
            m.a.groups().remove(room, m.carol.jid()).join();
            m.cHears.next(("left:" + room)::equals);
            m.a.groups().setSettings(room, GroupSettingsChange.builder().onlyAdminsSend(true).build()).join();

            assertThat(ClientFailures.reasonOf(() -> m.b.groupChat().sendFile(room, photo, MediaProgressListener.NONE)
                    .join())).as("only admins send").isEqualTo(Reason.NOT_ALLOWED);
            assertThat(ClientFailures.reasonOf(() -> m.c.groupChat().sendFile(room, photo, MediaProgressListener.NONE)
                    .join())).as("no longer a member").isEqualTo(Reason.NOT_ALLOWED);
            SentMedia sent = m.a.groupChat().sendFile(room, photo, MediaProgressListener.NONE).join();
            GroupMessage next = (GroupMessage) m.bHears.next(msg -> msg instanceof GroupMessage);
            assertThat(next.id()).as("nothing else reached the group").isEqualTo(sent.messageId());
        }
    }

    /** The server notes a share on its media threads as it archives the message: asked again until it has. */
    private static MediaAttachment freshUrlOnceShared(ChatClient client, MediaAttachment media) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return client.media().freshUrl(media).join();
            } catch (CompletionException e) {
                if (attempt == 50 || !(e.getCause() instanceof ChatClientException refused)
                        || refused.reason() != Reason.NOT_ALLOWED) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
