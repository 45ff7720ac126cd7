package io.chatapp.cli;

import io.chatapp.client.GroupAdmin;
import io.chatapp.client.GroupChat;
import io.chatapp.client.GroupImage;
import io.chatapp.client.GroupInfo;
import io.chatapp.client.GroupSettingsChange;
import io.chatapp.client.MediaProgressListener;
import io.chatapp.client.SentMedia;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@link GroupSession} on a logged-in client's {@link GroupAdmin} and {@link GroupChat}. */
final class ClientGroupSession implements GroupSession {

    private final GroupAdmin groups;
    private final GroupChat chat;

    ClientGroupSession(GroupAdmin groups, GroupChat chat) {
        this.groups = groups;
        this.chat = chat;
    }

    @Override
    public GroupInfo create(String name, List<String> memberBareJids) {
        return Await.result(groups.create(name, null, memberBareJids), "creating the group");
    }

    @Override
    public void add(String room, List<String> memberBareJids) {
        Await.result(groups.add(room, memberBareJids), "adding");
    }

    @Override
    public void remove(String room, String memberBareJid) {
        Await.result(groups.remove(room, memberBareJid), "removing");
    }

    @Override
    public void promote(String room, String memberBareJid) {
        Await.result(groups.promote(room, memberBareJid), "making an admin");
    }

    @Override
    public void demote(String room, String memberBareJid) {
        Await.result(groups.demote(room, memberBareJid), "dismissing as admin");
    }

    @Override
    public void setInfo(String room, String name, String description) {
        Await.result(groups.setInfo(room, name, description), "changing the group info");
    }

    @Override
    public void setImage(String room, GroupImage image) {
        Await.result(groups.setImage(room, image), "changing the group image");
    }

    @Override
    public void setOnlyAdminsSend(String room, boolean onlyAdmins) {
        Await.result(groups.setSettings(room, GroupSettingsChange.builder().onlyAdminsSend(onlyAdmins).build()),
                "changing who may send");
    }

    @Override
    public void leave(String room) {
        Await.result(groups.leave(room), "leaving the group");
    }

    @Override
    public boolean markRead(String room) {
        return Await.result(chat.markRead(room), "marking the group read");
    }

    @Override
    public void delete(String room) {
        Await.result(groups.delete(room), "deleting the group");
    }

    @Override
    public List<GroupInfo> list() {
        return Await.result(groups.list(), "listing groups");
    }

    @Override
    public void retract(String room, String archiveId) {
        Await.result(chat.retract(room, archiveId), "deleting the message");
    }

    @Override
    public void deleteForMe(String room, String archiveId) {
        Await.result(chat.deleteForMe(room, archiveId), "deleting the message for you");
    }

    @Override
    public void removeMessage(String room, String archiveId, String reason) {
        Await.result(chat.remove(room, archiveId, reason), "removing the message");
    }

    @Override
    public io.chatapp.client.MessageInfo messageInfo(String room, String messageId) {
        return Await.result(chat.messageInfo(room, messageId), "asking for the message info");
    }

    @Override
    public String send(String room, String text) {
        return Await.result(chat.send(room, text), "sending");
    }

    @Override
    public CompletableFuture<SentMedia> sendFile(String room, Path file, MediaProgressListener progress) {
        return chat.sendFile(room, file, progress);
    }
}
