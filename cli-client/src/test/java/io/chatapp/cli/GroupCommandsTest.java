package io.chatapp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.client.GroupEvent;
import io.chatapp.client.GroupInfo;
import io.chatapp.client.GroupMember;
import io.chatapp.client.GroupMessage;
import io.chatapp.client.GroupRole;
import io.chatapp.client.MediaAttachment;
import io.chatapp.client.MediaProgressListener;
import io.chatapp.client.SentMedia;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class GroupCommandsTest {

    private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");
    private static final String ROOM = "g1@conference.example.org";

    private final List<String> printed = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private java.util.Map<String, Integer> unread = java.util.Map.of();
    private final GroupCommands commands = new GroupCommands(new RecordingGroups(), printed::add,
            user -> user.contains("@") ? user : user + "@example.org", () -> unread);

    private final class RecordingGroups implements GroupSession {
        @Override
        public void retract(String room, String archiveId) {
            calls.add("retract " + room + " " + archiveId);
        }

        @Override
        public void deleteForMe(String room, String archiveId) {
            calls.add("delete-for-me " + room + " " + archiveId);
        }

        @Override
        public void removeMessage(String room, String archiveId, String reason) {
            calls.add("remove-message " + room + " " + archiveId + " " + reason);
        }

        @Override
        public io.chatapp.client.MessageInfo messageInfo(String room, String messageId) {
            calls.add("info " + room + " " + messageId);
            return new io.chatapp.client.MessageInfo(messageId, messageId, T, List.of());
        }

        @Override
        public GroupInfo create(String name, List<String> members) {
            calls.add("create " + name + " " + members);
            return new GroupInfo(ROOM, name, "", "me@example.org", false, false, T, List.of());
        }

        @Override
        public void add(String room, List<String> members) {
            calls.add("add " + room + " " + members);
        }

        @Override
        public void remove(String room, String member) {
            calls.add("remove " + room + " " + member);
        }

        @Override
        public void promote(String room, String member) {
            calls.add("promote " + room + " " + member);
        }

        @Override
        public void demote(String room, String member) {
            calls.add("demote " + room + " " + member);
        }

        @Override
        public void setInfo(String room, String name, String description) {
            calls.add("info " + room + " " + name + " " + description);
        }

        @Override
        public void setImage(String room, io.chatapp.client.GroupImage image) {
            calls.add("image " + room + " " + (image == null ? null : image.mimeType() + " " + image.bytes().length));
        }

        @Override
        public void setOnlyAdminsSend(String room, boolean onlyAdmins) {
            calls.add("announce " + room + " " + onlyAdmins);
        }

        @Override
        public void leave(String room) {
            calls.add("leave " + room);
        }

        @Override
        public boolean markRead(String room) {
            calls.add("read " + room);
            return true;
        }

        @Override
        public void delete(String room) {
            calls.add("delete " + room);
        }

        @Override
        public List<GroupInfo> list() {
            return List.of(new GroupInfo(ROOM, "Team A", "About", "me@example.org", false, false, T,
                    List.of(new GroupMember("me@example.org", GroupRole.OWNER, T))));
        }

        @Override
        public String send(String room, String text) {
            calls.add("send " + room + " " + text);
            return "id";
        }

        @Override
        public CompletableFuture<SentMedia> sendFile(String room, Path file, MediaProgressListener progress) {
            calls.add("sendFile " + room + " " + file);
            return CompletableFuture.completedFuture(new SentMedia("id", room, null));
        }
    }

    @Test
    void commandsNameGroupsByNameOrAddressAndUsersByName() {
        commands.run("create \"Team A\" bob carol@example.org");
        commands.run("add \"team a\" dave");
        commands.run("admin g1 bob");
        commands.run("admin " + ROOM + " bob off");
        commands.run("info \"Team A\" name The A Team");
        commands.run("say g1 hello there");
        commands.run("announce g1 on");
        commands.run("remove g1 bob");
        commands.run("leave g1");
        assertThat(calls).containsExactly(
                "create Team A [bob@example.org, carol@example.org]",
                "add " + ROOM + " [dave@example.org]",
                "promote " + ROOM + " bob@example.org",
                "demote " + ROOM + " bob@example.org",
                "info " + ROOM + " The A Team null",
                "send " + ROOM + " hello there",
                "announce " + ROOM + " true",
                "remove " + ROOM + " bob@example.org",
                "leave " + ROOM);
    }

    @Test
    void theListShowsEachGroupsUnreadCount() {
        commands.run("list");
        unread = java.util.Map.of(ROOM, 4, "bob@example.org", 2);
        commands.run("list");
        assertThat(printed).containsExactly("Your groups:", "  Team A (" + ROOM + ") - 1 members",
                "Your groups:", "  Team A (" + ROOM + ") [4 unread] - 1 members");
    }

    @Test
    void markReadSendsTheMarkerToTheGroup() {
        commands.run("list");
        commands.markRead(ROOM);
        assertThat(calls).containsExactly("read " + ROOM);
        assertThat(printed).contains("Marked the group Team A read");
    }

    @Test
    void mistakesGetUsageLines() {
        assertThatThrownBy(() -> commands.run("add g1")).hasMessageContaining("usage: /group add GROUP USER...");
        assertThatThrownBy(() -> commands.run("leave nosuch")).hasMessageContaining("no group 'nosuch'");
        assertThatThrownBy(() -> commands.run("create \"Team")).hasMessageContaining("quote");
        assertThatThrownBy(() -> commands.run("frobnicate")).hasMessageContaining("unknown /group command");
        assertThatThrownBy(() -> commands.run("announce g1 maybe")).hasMessageContaining("on|off");
        assertThat(calls).isEmpty();
    }

    @Test
    void imageSetsAnImageFileOrRemovesTheImage(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path png = java.nio.file.Files.write(dir.resolve("team image.png"),
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0});
        java.nio.file.Path text = java.nio.file.Files.writeString(dir.resolve("notes.png"), "not an image");

        commands.run("image \"Team A\" " + png);
        commands.run("image g1 off");

        assertThat(calls).containsExactly("image " + ROOM + " image/png 9", "image " + ROOM + " null");
        assertThat(printed).containsExactly("Changed the image of Team A", "Removed the image of Team A");
        assertThatThrownBy(() -> commands.run("image g1 " + text)).hasMessageContaining("is not a PNG, JPEG, GIF");
        assertThatThrownBy(() -> commands.run("image g1 " + dir.resolve("missing.png")))
                .hasMessageContaining("no such file");
        assertThatThrownBy(() -> commands.run("image g1")).hasMessageContaining("usage: /group image GROUP FILE|off");
        assertThat(GroupImageFile.type(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).isEqualTo("image/jpeg");
        assertThat(GroupImageFile.type("GIF89a".getBytes())).isEqualTo("image/gif");
        assertThat(GroupImageFile.type("RIFF\0\0\0\0WEBPVP8 ".getBytes())).isEqualTo("image/webp");
        assertThat(calls).hasSize(2);
    }

    @Test
    void linesShowTheGroupName() {
        commands.run("list");
        assertThat(printed).contains("  Team A (" + ROOM + ") - 1 members");
        assertThat(commands.messageLine(new GroupMessage(ROOM, "1", "bob@example.org", "hi", T, false, null, false)))
                .isEqualTo("[Team A] bob@example.org: hi");
        GroupEvent renamed = new GroupEvent(ROOM, GroupEvent.Type.NAME_CHANGED, "bob@example.org", null, "B",
                "bob changed the group name to B", T);
        assertThat(commands.eventLine(renamed)).isEqualTo("[B] * bob changed the group name to B");
    }

    @Test
    void aFileInAGroupIsShownLikeAFileInAChat() {
        commands.run("list");
        MediaAttachment photo = new MediaAttachment("https://example.org:9090/media/v1/files/x/photo.jpg",
                "photo.jpg", "image/jpeg", 1_258_291L, 800, 600, null, null, null);
        GroupMessage message = new GroupMessage(ROOM, "1", "alice@example.org", photo.url(), T, false, "42", false,
                photo);
        assertThat(commands.messageLine(message)).isEqualTo("[Team A] alice@example.org: [image 1.2 MB] photo.jpg");
    }
}
