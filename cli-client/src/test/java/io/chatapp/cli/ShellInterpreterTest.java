package io.chatapp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClientException;
import io.chatapp.client.ChatMessage;
import io.chatapp.client.Contact;
import io.chatapp.client.LastSeenInfo;
import io.chatapp.client.LastSeenVisibility;
import io.chatapp.client.MediaAttachment;
import io.chatapp.client.MediaProgressListener;
import io.chatapp.client.MessageStatus;
import io.chatapp.client.Retraction;
import io.chatapp.client.SentMedia;
import io.chatapp.client.Subscription;
import io.chatapp.client.TypingState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ShellInterpreterTest {

    /** Records what the shell asks of the server. */
    static final class RecordingSession implements ChatSession {

        final List<String> calls = new ArrayList<>();
        java.util.Map<String, Integer> unread = java.util.Map.of();
        GroupSession groups;
        List<Contact> contacts = List.of();
        Set<String> online = Set.of();
        Map<String, LastSeenInfo> lastSeen = new HashMap<>();
        List<ChatMessage> history = List.of();
        Map<String, MessageStatus> statuses = new HashMap<>();
        Map<String, String> archiveIds = new HashMap<>();
        LastSeenVisibility visibility = LastSeenVisibility.CONTACTS;
        RuntimeException failure;
        RuntimeException retractionFailure;
        int sent;

        @Override
        public String domain() {
            return "example.org";
        }

        private void record(String call) {
            if (failure != null) {
                throw failure;
            }
            calls.add(call);
        }

        @Override
        public String send(String toBareJid, String text) {
            record("send " + toBareJid + " " + text);
            return "sent-" + (++sent);
        }

        /** When set, /send and /download wait for it (to test cancelling). */
        CompletableFuture<Void> transferGate;

        @Override
        public CompletableFuture<SentMedia> sendFile(String toBareJid, Path file, MediaProgressListener progress) {
            record("sendFile " + toBareJid + " " + file.getFileName());
            progress.onProgress(0, 2048);
            progress.onProgress(1024, 2048);
            progress.onProgress(2048, 2048);
            SentMedia sentMedia = new SentMedia("sent-" + (++sent), toBareJid, new MediaAttachment(
                    "https://h/media/v1/files/x/" + file.getFileName(), file.getFileName().toString(), "image/png",
                    1_258_291L, 800, 600, null, null, null));
            return transferGate == null ? CompletableFuture.completedFuture(sentMedia)
                    : transferGate.thenApply(done -> sentMedia);
        }

        @Override
        public CompletableFuture<Path> download(MediaAttachment media, Path target, MediaProgressListener progress) {
            record("download " + media.url() + " " + target.getFileName());
            progress.onProgress(0, -1);
            progress.onProgress(300_000, -1);
            if (transferGate != null) {
                return transferGate.thenApply(done -> target);
            }
            try {
                return CompletableFuture.completedFuture(java.nio.file.Files.writeString(target, "bytes"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public List<Contact> contacts() {
            return contacts;
        }

        @Override
        public boolean isOnline(String bareJid) {
            return online.contains(bareJid);
        }

        @Override
        public void addContact(String bareJid, String name) {
            record("add " + bareJid + " " + name);
        }

        @Override
        public void acceptContact(String bareJid) {
            record("accept " + bareJid);
        }

        @Override
        public void declineContact(String bareJid) {
            record("decline " + bareJid);
        }

        @Override
        public void setStatus(String mode, String text) {
            record("status " + mode + " " + text);
        }

        @Override
        public List<ChatMessage> history(String peerBareJid, int max) {
            record("history " + peerBareJid + " " + max);
            return history;
        }

        @Override
        public Optional<MessageStatus> status(ChatMessage sent) {
            calls.add("status? " + sent.id());
            return Optional.ofNullable(statuses.get(sent.id()));
        }

        @Override
        public Optional<MessageStatus> status(String messageId) {
            return Optional.ofNullable(statuses.get(messageId));
        }

        @Override
        public Optional<String> archiveIdOf(String messageId) {
            return Optional.ofNullable(archiveIds.get(messageId));
        }

        @Override
        public void retract(String peerBareJid, String messageId) {
            if (retractionFailure != null) {
                throw new CliException(FailureMessages.retraction(retractionFailure), retractionFailure);
            }
            record("retract " + peerBareJid + " " + messageId);
        }

        @Override
        public void deleteForMe(String archiveId) {
            record("delete " + archiveId);
        }

        @Override
        public CompletableFuture<Boolean> markRead(String peerBareJid) {
            record("read " + peerBareJid);
            return CompletableFuture.completedFuture(true);
        }

        @Override
        public GroupSession groups() {
            return groups == null ? ChatSession.super.groups() : groups;
        }

        @Override
        public void typing(String peerBareJid) {
            calls.add("typing " + peerBareJid);
        }

        @Override
        public Optional<LastSeenInfo> lastSeen(String bareJid) {
            return Optional.ofNullable(lastSeen.get(bareJid));
        }

        @Override
        public LastSeenVisibility lastSeenVisibility() {
            return visibility;
        }

        @Override
        public void setLastSeenVisibility(LastSeenVisibility visibility) {
            record("lastseen " + visibility);
            this.visibility = visibility;
        }

        @Override
        public io.chatapp.client.CallLogPage callLog(int max) {
            record("calls " + max);
            return new io.chatapp.client.CallLogPage(List.of(new io.chatapp.client.CallLogEntry("1", "c1",
                    io.chatapp.client.CallLogEntry.Direction.INCOMING, "carol@example.org", false,
                    io.chatapp.client.CallLogEntry.Outcome.MISSED, Instant.parse("2026-11-24T11:00:00Z"), null,
                    Instant.parse("2026-11-24T11:00:30Z"), java.time.Duration.ZERO, true)), false, 1);
        }

        @Override
        public void markMissedCallsSeen() {
            record("calls seen");
        }

        @Override
        public void mute(String chat, java.time.Duration howLong) {
            record("mute " + chat + " " + howLong);
        }

        @Override
        public void setGroupLevel(String room, io.chatapp.client.NotificationLevel level) {
            record("notify " + room + " " + level);
        }

        @Override
        public void setStoryPushes(boolean on) {
            record("stories " + on);
        }

        @Override
        public java.util.Map<String, Integer> unreadCounts() {
            return unread;
        }
    }

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final RecordingSession session = new RecordingSession();
    private final List<String> printed = new ArrayList<>();
    private final ShellInterpreter shell = new ShellInterpreter(session, printed::add, CLOCK,
            TransferProgress.Display.NONE, Path.of(""));

    private static ChatMessage received(String id, String from, String body, String archiveId) {
        return new ChatMessage(id, from, "phone", "me@example.org", body, NOW, false, archiveId, id, false, false);
    }

    private static ChatMessage archived(String id, String from, String to, String body, Instant at, boolean ours,
                                        boolean retracted) {
        return new ChatMessage(id, from, "", to, retracted ? "" : body, at, true, "a-" + id, id, ours, retracted);
    }

    @Test
    void plainLineWithoutConversationExplainsWhatToDo() {
        assertThat(shell.handle("hello")).isTrue();

        assertThat(session.calls).isEmpty();
        assertThat(printed).singleElement().asString().contains("/chat USER");
    }

    @Test
    void chatSetsTheConversationAndThePrompt() {
        shell.handle("/chat bob");
        shell.handle("hello there, how's it going?");

        assertThat(shell.prompt()).isEqualTo("bob@example.org> ");
        assertThat(session.calls).containsExactly("read bob@example.org",
                "send bob@example.org hello there, how's it going?");
    }

    @Test
    void chatAloneLeavesTheConversation() {
        shell.handle("/chat bob");
        shell.handle("/chat");

        assertThat(shell.conversation()).isNull();
        assertThat(shell.prompt()).isEqualTo("chatapp> ");
    }

    @Test
    void doubleSlashSendsATextStartingWithSlash() {
        shell.handle("/chat bob@other.net");
        shell.handle("//shrug");

        assertThat(session.calls).containsExactly("read bob@other.net", "send bob@other.net /shrug");
    }

    @Test
    void msgSendsTheRestOfTheLine() {
        shell.handle("/msg carol see you   at 5");

        assertThat(session.calls).containsExactly("send carol@example.org see you   at 5");
    }

    @Test
    void contactCommands() {
        shell.handle("/add dave Dave Smith");
        shell.handle("/accept erin@example.org");
        shell.handle("/decline mallory");

        assertThat(session.calls).containsExactly("add dave@example.org Dave Smith", "accept erin@example.org",
                "decline mallory@example.org");
    }

    @Test
    void contactsAreListedWithOnlineMarker() {
        session.contacts = List.of(new Contact("bob@example.org", "Bob", Subscription.BOTH, false),
                new Contact("carol@example.org", "", Subscription.NONE, true));
        session.online = Set.of("bob@example.org");

        shell.handle("/contacts");

        assertThat(printed).containsExactly("Contacts (* = online):", "  * bob@example.org (Bob) - online",
                "    carol@example.org - waiting for them to accept");
    }

    @Test
    void statusTakesAModeAndText() {
        shell.handle("/status away back at 3");
        shell.handle("/status online");

        assertThat(session.calls).containsExactly("status away back at 3", "status available ");
    }

    @Test
    void unknownStatusModeIsRefused() {
        shell.handle("/status sleeping");

        assertThat(session.calls).isEmpty();
        assertThat(printed).singleElement().asString().startsWith("chatapp: unknown status 'sleeping'");
    }

    @Test
    void missingArgumentsShowTheUsage() {
        shell.handle("/msg bob");

        assertThat(printed).containsExactly("chatapp: usage: /msg USER TEXT");
    }

    @Test
    void failuresArePrintedAndTheShellGoesOn() {
        session.failure = new CliException("sending failed: not connected to the server");
        shell.handle("/chat bob");

        assertThat(shell.handle("hello")).isTrue();
        assertThat(printed).last().isEqualTo("chatapp: sending failed: not connected to the server");
    }

    @Test
    void clientFailuresAreWordedLikeTheCommandLine() {
        session.failure = new ChatClientException(ChatClientException.Reason.NOT_CONNECTED,
                "Not connected to the server");

        shell.handle("/accept bob");

        assertThat(printed).containsExactly("chatapp: not connected to the server");
    }

    @Test
    void unknownCommand() {
        shell.handle("/frobnicate");

        assertThat(printed).containsExactly("chatapp: unknown command /frobnicate; type /help for the list");
    }

    @Test
    void quitEndsTheShell() {
        assertThat(shell.handle("/quit")).isFalse();
        assertThat(shell.handle("/exit")).isFalse();
    }

    @Test
    void helpListsEveryCommand() {
        shell.handle("/help");

        assertThat(String.join("\n", printed)).contains(ShellInterpreter.COMMANDS);
    }

    @Test
    void contactRequestsAreOfferedForCompletion() {
        session.contacts = List.of(new Contact("bob@example.org", "", Subscription.BOTH, false));

        assertThat(shell.contactRequest("carol@example.org"))
                .isEqualTo("* carol@example.org wants to add you (accept with: /accept carol@example.org)");
        assertThat(shell.knownAddresses()).containsExactly("bob@example.org", "carol@example.org");

        shell.handle("/accept carol@example.org");
        assertThat(shell.knownAddresses()).containsExactly("bob@example.org");
    }

    @Test
    void incomingMessagesGetHandlesAndTheActiveConversationIsMarkedRead() {
        shell.handle("/chat bob");
        session.calls.clear();
        printed.clear();

        shell.incoming(received("m1", "bob@example.org", "hi", "100"));
        shell.incoming(received("m2", "carol@example.org", "hey", "101"));

        assertThat(printed).containsExactly("#1 bob@example.org: hi", "#2 carol@example.org: hey");
        assertThat(session.calls).containsExactly("read bob@example.org");
    }

    @Test
    void messagesFromAnotherDeviceOfOursSayWhoTheyWentTo() {
        shell.incoming(new ChatMessage("m1", "me@example.org", "laptop", "bob@example.org", "sent elsewhere", NOW,
                false, "100", "m1", true, false));

        assertThat(printed).containsExactly("#1 you (other device) \u2192 bob@example.org: sent elsewhere");
    }

    @Test
    void delayedMessagesShowTheirTime() {
        shell.incoming(archived("m1", "bob@example.org", "me@example.org", "are you there?",
                NOW.minus(Duration.ofMinutes(30)), false, false));

        assertThat(printed).containsExactly("#1 [11:30] bob@example.org: are you there?");
    }

    @Test
    void statusesOfSentMessagesArePrintedAsTheyChange() {
        shell.handle("/msg bob hello");
        shell.statusChanged("sent-1", "bob@example.org", MessageStatus.SENT);
        shell.statusChanged("sent-1", "bob@example.org", MessageStatus.DELIVERED);
        shell.statusChanged("sent-1", "bob@example.org", MessageStatus.READ);
        shell.statusChanged("unknown", "bob@example.org", MessageStatus.READ);

        assertThat(printed).containsExactly("  \u2713 sent: \"hello\" (#1)", "  \u2713\u2713 delivered: \"hello\" (#1)",
                "  \u2713\u2713 read: \"hello\" (#1)");
    }

    @Test
    void aStatusArrivingBeforeTheSendReturnedIsPrintedAfterIt() {
        shell.statusChanged("sent-1", "bob@example.org", MessageStatus.SENT);
        assertThat(printed).isEmpty();

        shell.handle("/msg bob hello");

        assertThat(printed).containsExactly("  \u2713 sent: \"hello\" (#1)");
    }

    @Test
    void historyShowsTimesSendersMarksAndDeletedMessages() {
        Instant yesterday = NOW.minus(Duration.ofDays(1));
        session.history = List.of(
                archived("o1", "me@example.org", "bob@example.org", "first", yesterday, true, false),
                archived("b1", "bob@example.org", "me@example.org", "reply", NOW.minus(Duration.ofHours(2)), false,
                        false),
                archived("o2", "me@example.org", "bob@example.org", "second", NOW.minus(Duration.ofHours(1)), true,
                        false),
                archived("b2", "bob@example.org", "me@example.org", "oops", NOW.minus(Duration.ofMinutes(5)), false,
                        true),
                archived("o3", "me@example.org", "bob@example.org", "third", NOW.minus(Duration.ofMinutes(1)), true,
                        false));
        session.statuses.put("o3", MessageStatus.DELIVERED);
        session.statuses.put("o2", MessageStatus.READ);

        shell.handle("/history bob 5");

        assertThat(printed).containsExactly(
                "History with bob@example.org (5 messages, oldest first):",
                "#1 [2026-11-23 12:00] you: first  \u2713\u2713 read",
                "#2 [10:00] bob@example.org: reply",
                "#3 [11:00] you: second  \u2713\u2713 read",
                "#4 [11:55] bob@example.org: (message deleted)",
                "#5 [11:59] you: third  \u2713\u2713 delivered",
                "End of history with bob@example.org");
        // Read covers earlier messages: the first one needs no question.
        assertThat(session.calls).containsExactly("history bob@example.org 5", "status? o3", "status? o2",
                "read bob@example.org");
    }

    @Test
    void historyDefaultsTo20AndRefusesBadCounts() {
        shell.handle("/history bob");
        shell.handle("/history bob 251");
        shell.handle("/history bob lots");
        shell.handle("/history");

        assertThat(session.calls).containsExactly("history bob@example.org 20");
        assertThat(printed).containsExactly("No messages with bob@example.org yet",
                "chatapp: N must be a number from 1 to 250 (usage: /history USER [N])",
                "chatapp: N must be a number from 1 to 250 (usage: /history USER [N])",
                "chatapp: usage: /history USER [N]");
    }

    @Test
    void historyKeepsTheHandlesOfMessagesAlreadyShown() {
        shell.incoming(received("b1", "bob@example.org", "hi", "a-b1"));
        session.history = List.of(archived("b1", "bob@example.org", "me@example.org", "hi", NOW, false, false));

        shell.handle("/history bob");

        assertThat(printed).contains("#1 [12:00] bob@example.org: hi");
    }

    @Test
    void retractTakesAHandleOfOwnMessages() {
        shell.handle("/msg bob hello");
        shell.incoming(received("b1", "bob@example.org", "hi", "100"));
        session.calls.clear();

        shell.handle("/retract #1");
        shell.handle("/retract 2");
        shell.handle("/retract #9");

        assertThat(session.calls).containsExactly("retract bob@example.org sent-1");
        assertThat(printed).containsSubsequence("Deleted for everyone: \"hello\" (#1)",
                "chatapp: cannot delete #2 for everyone: it is not your message (/delete #2 deletes it for you)",
                "chatapp: no message #9 (the handles are shown before each message)");
    }

    @Test
    void retractByMessageIdUsesTheConversation() {
        shell.handle("/retract abc-123");
        shell.handle("/chat bob");
        shell.handle("/retract abc-123");
        shell.handle("/retract carol xyz");

        assertThat(session.calls).containsExactly("read bob@example.org", "retract bob@example.org abc-123",
                "retract carol@example.org xyz");
        assertThat(printed.get(0)).startsWith("chatapp: to delete by message id, /chat with the recipient first");
    }

    @Test
    void refusedRetractionsSayWhy() {
        shell.handle("/msg bob hello");
        session.retractionFailure = new ChatClientException(ChatClientException.Reason.TOO_LATE, "Too late");
        shell.handle("/retract #1");
        session.retractionFailure = new ChatClientException(ChatClientException.Reason.NOT_FOUND, "Not found");
        shell.handle("/retract #1");
        session.retractionFailure = new ChatClientException(ChatClientException.Reason.NOT_ALLOWED, "Forbidden");
        shell.handle("/retract #1");

        assertThat(printed).containsExactly(
                "chatapp: cannot delete for everyone: the message is too old (/delete still deletes it for you)",
                "chatapp: cannot delete for everyone: no such message between you and them (not found)",
                "chatapp: cannot delete for everyone: it is not your message (/delete deletes it for you)");
    }

    @Test
    void deleteForMeUsesTheArchiveId() {
        shell.incoming(received("b1", "bob@example.org", "hi", "100"));
        shell.handle("/msg bob hello");
        session.archiveIds.put("sent-1", "101");
        session.calls.clear();

        shell.handle("/delete #1");
        shell.handle("/delete 2");
        shell.handle("/delete 117422108360704001");

        assertThat(session.calls).containsExactly("delete 100", "delete 101", "delete 117422108360704001");
        assertThat(printed).containsSubsequence("Deleted for you: \"hi\" (#1)", "Deleted for you: \"hello\" (#2)",
                "Deleted for you: message 117422108360704001");
    }

    @Test
    void incomingRetractionsQuoteTheMessageWhenKnown() {
        shell.incoming(received("b1", "bob@example.org", "hi there", "100"));

        shell.retracted(new Retraction("bob@example.org", "b1", null, false));
        shell.retracted(new Retraction("bob@example.org", "zz", null, false));
        shell.retracted(new Retraction("carol@example.org", "c1", null, true));

        assertThat(printed).containsExactly("#1 bob@example.org: hi there",
                "* bob@example.org deleted a message: \"hi there\" (#1)", "* bob@example.org deleted a message",
                "* you (other device) deleted a message to carol@example.org");
    }

    @Test
    void typingIsShownOnChangesOnly() {
        shell.typingChanged("bob@example.org", TypingState.COMPOSING);
        shell.typingChanged("bob@example.org", TypingState.COMPOSING);
        shell.typingChanged("bob@example.org", TypingState.PAUSED);
        shell.typingChanged("bob@example.org", TypingState.PAUSED);
        shell.typingChanged("bob@example.org", TypingState.COMPOSING);
        shell.incoming(received("b1", "bob@example.org", "done", "100"));
        shell.typingChanged("bob@example.org", TypingState.ACTIVE);

        assertThat(printed).containsExactly("* bob@example.org is typing\u2026", "* bob@example.org stopped typing",
                "* bob@example.org is typing\u2026", "#1 bob@example.org: done");
    }

    @Test
    void typingAMessageInAConversationIsAnnounced() {
        shell.typed("h");
        shell.handle("/chat bob");
        session.calls.clear();
        shell.typed("h");
        shell.typed("/hist");
        shell.typed("//x");

        assertThat(session.calls).containsExactly("typing bob@example.org", "typing bob@example.org");
    }

    @Test
    void contactsShowWhenTheyWereLastSeen() {
        session.contacts = List.of(new Contact("bob@example.org", "", Subscription.BOTH, false),
                new Contact("carol@example.org", "", Subscription.BOTH, false),
                new Contact("dave@example.org", "", Subscription.BOTH, false),
                new Contact("erin@example.org", "", Subscription.BOTH, false));
        session.online = Set.of("bob@example.org");
        session.lastSeen.put("carol@example.org", LastSeenInfo.offlineSince(NOW.minus(Duration.ofMinutes(5))));
        session.lastSeen.put("dave@example.org", LastSeenInfo.hidden());

        shell.handle("/contacts");

        assertThat(printed).containsExactly("Contacts (* = online):", "  * bob@example.org - online",
                "    carol@example.org - last seen 5 min ago", "    dave@example.org - last seen hidden",
                "    erin@example.org - last seen unknown");
    }

    @Test
    void callsShowsTheLogMarksMissedCallsAndThenMarksThemSeen() {
        shell.handle("/calls");
        shell.handle("/calls 5");
        shell.handle("/calls many");

        assertThat(session.calls).containsExactly("calls 20", "calls seen", "calls 5", "calls seen");
        assertThat(printed).contains("! 2026-11-24 11:00 \u2190 carol@example.org audio missed",
                "chatapp: usage: /calls [N]");
    }

    @Test
    void muteTakesADurationOrOffAndNotifyALevel() {
        shell.handle("/mute bob");
        shell.handle("/mute bob 30m");
        shell.handle("/mute bob 7d");
        shell.handle("/mute bob off");
        shell.handle("/mute bob soon");
        shell.handle("/notify");
        shell.handle("/notify stories on");
        shell.handle("/notify stories off");
        shell.handle("/notify stories loud");

        assertThat(session.calls).containsExactly("mute bob@example.org PT8H", "mute bob@example.org PT30M",
                "mute bob@example.org PT168H", "mute bob@example.org null", "stories true", "stories false");
        assertThat(printed).containsExactly("Muted bob@example.org for 8h", "Muted bob@example.org for 30m",
                "Muted bob@example.org for 7d", "Unmuted bob@example.org",
                "chatapp: a time is a number and m, h or d, e.g. 30m, 8h, 7d",
                "chatapp: usage: /notify GROUP all|mentions|off", "Story notifications: on",
                "Story notifications: off", "chatapp: usage: /notify stories on|off");
    }

    @Test
    void theBellRingsForANewMessageInAChatThatIsNotOpenAndContactsShowUnreadCounts() {
        java.util.concurrent.atomic.AtomicInteger rings = new java.util.concurrent.atomic.AtomicInteger();
        shell.onBell(rings::incrementAndGet);
        shell.handle("/chat bob");
        shell.incoming(received("m1", "bob@example.org", "hi", "100"));
        assertThat(rings).hasValue(0);
        shell.incoming(received("m2", "carol@example.org", "hey", "101"));
        assertThat(rings).hasValue(1);

        session.contacts = List.of(new Contact("carol@example.org", "", Subscription.BOTH, false));
        session.online = Set.of("carol@example.org");
        session.unread = java.util.Map.of("carol@example.org", 3);
        printed.clear();
        shell.handle("/contacts");
        assertThat(printed).containsExactly("Contacts (* = online):", "  * carol@example.org [3 unread] - online");
    }

    @Test
    void lastSeenVisibilityIsShownAndSet() {
        shell.handle("/lastseen");
        shell.handle("/lastseen Nobody");
        shell.handle("/lastseen friends");

        assertThat(session.calls).containsExactly("lastseen NOBODY");
        assertThat(printed).containsExactly("Last seen visible to: contacts", "Last seen visible to: nobody",
                "chatapp: usage: /lastseen [everyone|contacts|nobody]");
    }

    @Test
    void readMarksTheNamedOrCurrentConversation() {
        shell.handle("/read");
        shell.handle("/read carol");
        shell.handle("/chat bob");
        shell.handle("/read");

        assertThat(session.calls).containsExactly("read carol@example.org", "read bob@example.org",
                "read bob@example.org");
        assertThat(printed).contains("chatapp: usage: /read USER (or /read alone in a /chat)",
                "Marked the conversation with carol@example.org read");
    }

    @Test
    void readInAGroupConversationMarksTheGroupNotAOneToOneChat() {
        String room = "g1@conference.example.org";
        session.groups = teamGroup(room);

        shell.handle("/chat Team");
        shell.handle("/read");

        assertThat(session.calls).containsExactly("group read " + room);
        assertThat(printed).contains("Marked the group Team read");
    }

    @Test
    void theBellRingsForALiveGroupMessageWhenItsGroupIsNotOpen() {
        String room = "g1@conference.example.org";
        session.groups = teamGroup(room);
        java.util.concurrent.atomic.AtomicInteger rings = new java.util.concurrent.atomic.AtomicInteger();
        shell.onBell(rings::incrementAndGet);

        shell.groupMessage(new io.chatapp.client.GroupMessage(room, "h1", "bob@example.org", "old", NOW, false, "90",
                true));
        assertThat(rings).as("history fetched on entering the group").hasValue(0);
        shell.groupMessage(new io.chatapp.client.GroupMessage(room, "g1", "bob@example.org", "hi", NOW, false, "100",
                false));
        assertThat(rings).as("a live message, group not open").hasValue(1);
        shell.handle("/chat Team");
        shell.groupMessage(new io.chatapp.client.GroupMessage(room, "g2", "bob@example.org", "again", NOW, false,
                "101", false));
        shell.groupMessage(new io.chatapp.client.GroupMessage(room, "g3", "me@example.org", "mine", NOW, true, "102",
                false));
        assertThat(rings).as("the group is open; our own message").hasValue(1);
    }

    /** The group "Team" at that address: only what /chat and /read use; any other call fails the test. */
    private GroupSession teamGroup(String room) {
        return (GroupSession) java.lang.reflect.Proxy.newProxyInstance(GroupSession.class.getClassLoader(),
                new Class<?>[] {GroupSession.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "list" -> List.of(new io.chatapp.client.GroupInfo(room, "Team", "", "me@example.org", false,
                            false, NOW, List.of()));
                    case "markRead" -> {
                        session.calls.add("group read " + args[0]);
                        yield true;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
