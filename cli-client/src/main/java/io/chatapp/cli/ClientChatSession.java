package io.chatapp.cli;

import io.chatapp.client.CallLogPage;
import io.chatapp.client.ChatClient;
import io.chatapp.client.ChatMessage;
import io.chatapp.client.Contact;
import io.chatapp.client.LastSeenInfo;
import io.chatapp.client.LastSeenVisibility;
import io.chatapp.client.MediaAttachment;
import io.chatapp.client.MediaProgressListener;
import io.chatapp.client.MessageInfo;
import io.chatapp.client.MessageStatus;
import io.chatapp.client.PresenceMode;
import io.chatapp.client.SentMedia;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The shell's {@link ChatSession} on a logged-in {@link ChatClient}. */
final class ClientChatSession implements ChatSession {

    private final ChatClient client;
    private final String domain;
    private final GroupSession groups;
    private final StorySession stories;
    private final CallControl calls;

    ClientChatSession(ChatClient client, String domain) {
        this.client = client;
        this.domain = domain;
        this.groups = new ClientGroupSession(client.groups(), client.groupChat());
        this.stories = new ClientStorySession(client.stories());
        this.calls = new ClientCallControl(client.calls());
    }

    @Override
    public CallControl calls() {
        return calls;
    }

    @Override
    public StorySession stories() {
        return stories;
    }

    @Override
    public GroupSession groups() {
        return groups;
    }

    @Override
    public String domain() {
        return domain;
    }

    @Override
    public String send(String toBareJid, String text) {
        return Await.result(client.sendMessage(toBareJid, text), "sending");
    }

    @Override
    public CompletableFuture<SentMedia> sendFile(String toBareJid, Path file, MediaProgressListener progress) {
        return client.media().send(toBareJid, file, progress);
    }

    @Override
    public CompletableFuture<Path> download(MediaAttachment media, Path target, MediaProgressListener progress) {
        return client.media().download(media, target, progress);
    }

    @Override
    public List<Contact> contacts() {
        return client.contacts().list();
    }

    @Override
    public boolean isOnline(String bareJid) {
        return client.contacts().isOnline(bareJid);
    }

    @Override
    public void addContact(String bareJid, String name) {
        Await.result(client.contacts().add(bareJid, name), "adding the contact");
    }

    @Override
    public void acceptContact(String bareJid) {
        Await.result(client.contacts().accept(bareJid), "accepting");
    }

    @Override
    public void declineContact(String bareJid) {
        Await.result(client.contacts().decline(bareJid), "declining");
    }

    @Override
    public void setStatus(String mode, String text) {
        Await.result(client.setStatus(PresenceMode.ofXmppValue(mode), text), "setting the status");
    }

    @Override
    public List<ChatMessage> history(String peerBareJid, int max) {
        return Await.result(client.history().page(peerBareJid, max, null), "reading the history").messages();
    }

    @Override
    public Optional<MessageStatus> status(ChatMessage sent) {
        Optional<MessageStatus> known = client.receipts().status(sent.id());
        if (known.isPresent()) {
            return known;
        }
        String id = sent.archiveId() != null ? sent.archiveId() : sent.id();
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        try {
            MessageInfo info = Await.result(client.receipts().messageInfo(id), "asking for the message's status");
            return info.recipients().stream().map(MessageInfo.Recipient::status).min(Enum::compareTo);
        } catch (CliException unknown) {
            return Optional.empty(); // sent by a client the server has no record for, or no server support
        }
    }

    @Override
    public Optional<MessageStatus> status(String messageId) {
        return client.receipts().status(messageId);
    }

    @Override
    public Optional<String> archiveIdOf(String messageId) {
        MessageInfo info = Await.result(client.receipts().messageInfo(messageId), "finding the message");
        return Optional.ofNullable(info.archiveId());
    }

    @Override
    public void retract(String peerBareJid, String messageId) {
        try {
            client.retractions().retract(peerBareJid, messageId).join();
        } catch (RuntimeException e) {
            throw new CliException(FailureMessages.retraction(e), FailureMessages.unwrap(e));
        }
    }

    @Override
    public void deleteForMe(String archiveId) {
        try {
            client.retractions().deleteForMe(archiveId).join();
        } catch (RuntimeException e) {
            throw new CliException(FailureMessages.deletion(e), FailureMessages.unwrap(e));
        }
    }

    @Override
    public CompletableFuture<Boolean> markRead(String peerBareJid) {
        return client.receipts().markRead(peerBareJid);
    }

    @Override
    public void typing(String peerBareJid) {
        try {
            client.typing().typing(peerBareJid);
        } catch (RuntimeException ignored) {
            // a typing notification is never worth an error in the middle of a line
        }
    }

    @Override
    public Optional<LastSeenInfo> lastSeen(String bareJid) {
        try {
            return Optional.of(Await.result(client.lastSeen().of(bareJid), "asking when they were last seen"));
        } catch (CliException unknown) {
            return Optional.empty();
        }
    }

    @Override
    public CallLogPage callLog(int max) {
        return Await.result(client.callLog().page(max, null), "reading the call log");
    }

    @Override
    public void markMissedCallsSeen() {
        Await.result(client.callLog().markMissedSeen(), "marking missed calls seen");
    }

    @Override
    public LastSeenVisibility lastSeenVisibility() {
        return Await.result(client.lastSeen().visibility(), "reading the last-seen setting");
    }

    @Override
    public void setLastSeenVisibility(LastSeenVisibility visibility) {
        Await.result(client.lastSeen().setVisibility(visibility), "changing the last-seen setting");
    }

    @Override
    public void mute(String chat, java.time.Duration howLong) {
        Await.result(howLong == null ? client.notifications().unmute(chat) : client.notifications().mute(chat, howLong),
                "changing the chat's notifications");
    }

    @Override
    public void setGroupLevel(String room, io.chatapp.client.NotificationLevel level) {
        Await.result(client.notifications().setGroupLevel(room, level), "changing the group's notifications");
    }

    @Override
    public void setStoryPushes(boolean on) {
        Await.result(client.notifications().setStoryPushes(on), "changing story notifications");
    }

    @Override
    public java.util.Map<String, Integer> unreadCounts() {
        return Await.result(client.notifications().unreadCounts(), "reading unread counts");
    }
}
