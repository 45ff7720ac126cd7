package io.chatapp.cli;

import io.chatapp.client.CallLogPage;
import io.chatapp.client.ChatMessage;
import io.chatapp.client.Contact;
import io.chatapp.client.History;
import io.chatapp.client.LastSeenVisibility;
import io.chatapp.client.MediaAttachment;
import io.chatapp.client.MessageStatus;
import io.chatapp.client.NotificationLevel;
import io.chatapp.client.Retraction;
import io.chatapp.client.SentMedia;
import io.chatapp.client.TypingState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The interactive shell's commands, one typed line at a time (see {@link #COMMANDS}); any other line is a message
 * to the current conversation. Also words what arrives (messages, statuses of sent messages, typing, retractions),
 * giving each message shown a handle ({@code #4}) for {@code /retract} and {@code /delete}. Knows nothing of the
 * terminal: output goes to a line printer.
 */
public final class ShellInterpreter {

    /** The command names, for /help and completion. */
    public static final List<String> COMMANDS = List.of("/help", "/chat", "/msg", "/send", "/download", "/history",
            "/read", "/retract", "/remove", "/info", "/delete", "/contacts", "/lastseen", "/add", "/accept", "/decline", "/status",
            "/group", "/mute", "/notify", "/calls", "/call", "/reject", "/hangup", "/camera", "/video", "/quit");

    /** What follows /mute when it is about the microphone in a call, not a chat's notifications. */
    private static final Set<String> MICROPHONE_MUTE = Set.of("", "on", "off");

    /** The values of /lastseen. */
    public static final List<String> VISIBILITIES = List.of("everyone", "contacts", "nobody");

    /** How many messages /history shows without a number. */
    static final int DEFAULT_HISTORY = 20;

    /** Presence modes for /status. */
    public static final List<String> MODES = List.of("available", "chat", "away", "xa", "dnd");

    /** Commands whose first argument is an address, completed with the contacts. */
    static final Set<String> ADDRESS_COMMANDS = Set.of("/chat", "/msg", "/accept", "/decline", "/add", "/mute",
            "/history", "/read", "/call");

    private static List<String> help() {
        List<String> lines = new ArrayList<>(COMMAND_HELP);
        lines.addAll(lines.indexOf("  /help                this list"), GroupCommands.HELP);
        lines.addAll(lines.indexOf("  /help                this list"), StoryCommands.HELP);
        lines.addAll(lines.indexOf("  /help                this list"), CallCommands.HELP);
        return List.copyOf(lines);
    }

    private static final List<String> COMMAND_HELP = List.of(
            "Commands:",
            "  /chat USER|GROUP     talk to USER or a group: plain lines are then sent there (/chat alone: stop)",
            "  /msg USER TEXT       send one message to USER",
            "  /send FILE           send a file (image, video, audio, anything) in the current /chat (person or group)",
            "  /download #N [PATH]  save the file of message #N (to PATH, a file or directory; default ~/Downloads)",
            "  /history USER [N]    show the last N messages with USER (default 20, at most 250), oldest first",
            "  /read [USER]         mark the conversation with USER (default: the current one) read",
            "  /retract #N          delete your message #N for everyone (also: /retract MESSAGE-ID in a /chat)",
            "  /remove #N [REASON]  in a group: remove anyone's message #N for everyone (group admins)",
            "  /info #N             in a group: who got and read your message #N, and when",
            "  /delete #N           delete message #N for you only (also: /delete ARCHIVE-ID)",
            "  /contacts            list your contacts (* = online) and when they were last seen",
            "  /lastseen [WHO]      show or set who sees when you were last online: everyone, contacts, nobody",
            "  /mute CHAT [TIME]    no pushes from CHAT (user or group) for TIME (30m, 8h, 7d; default 8h; off: unmute)",
            "  /notify GROUP LEVEL  which messages of GROUP are pushed to your offline devices: all, mentions, off",
            "  /notify stories on|off  whether your offline devices hear of your contacts' new stories (off)",
            "  /add JID [NAME]      add a contact; they are asked to accept",
            "  /accept JID          accept someone's request to add you",
            "  /decline JID         decline someone's request to add you",
            "  /status MODE [TEXT]  set your status: available, chat, away, xa (long away), dnd (busy)",
            "  /calls [N]           your last N calls (default 20): direction, media, outcome, duration; ! = missed",
            "  /help                this list",
            "  /quit                log out and leave (also Ctrl+D)",
            "USER is a user name on your server (bob) or an address (bob@example.org).",
            "Messages show a handle (#4) to name them; your sent ones get status lines: \u2713 sent,"
                    + " \u2713\u2713 delivered, \u2713\u2713 read.",
            "Tab completes commands and contacts. Start a line with // to send a text beginning with /.");

    private static final List<String> HELP = help();

    private final ChatSession session;
    private final Consumer<String> printer;
    private final Clock clock;
    private final TransferProgress.Display transfers;
    private final Path downloads;
    private final Set<String> contactRequests = ConcurrentHashMap.newKeySet();
    private final MessageLog log = new MessageLog();
    private final TypingDisplay typingDisplay = new TypingDisplay();
    /** Statuses that arrived before the send that produced their message id returned. */
    private final Map<String, MessageStatus> earlyStatuses = new LinkedHashMap<>();
    private volatile String conversation;
    /** Rings the terminal's bell: a new message arrived in a chat that is not open. */
    private volatile Runnable bell = () -> { };
    /** The /send or /download running, which {@link #cancelTransfer} stops; null when none. */
    private volatile CompletableFuture<?> transfer;
    /** Whether {@link #conversation} is a group's room. */
    private volatile boolean groupConversation;
    private GroupCommands groupCommands;
    private StoryCommands storyCommands;
    private CallCommands callCommands;
    private GroupMessageCommands groupMessageCommands;
    /** The groups whose messages this shell has shown (their messages' handles name group messages). */
    private final Set<String> groupRooms = ConcurrentHashMap.newKeySet();

    public ShellInterpreter(ChatSession session, Consumer<String> printer) {
        this(session, printer, Clock.systemDefaultZone(), TransferProgress.Display.NONE, Path.of(""));
    }

    /**
     * @param transfers where the progress bars of /send and /download are drawn
     * @param downloads where /download saves files by default
     */
    ShellInterpreter(ChatSession session, Consumer<String> printer, TransferProgress.Display transfers,
                     Path downloads) {
        this(session, printer, Clock.systemDefaultZone(), transfers, downloads);
    }

    /** @param clock the time and time zone messages are shown in */
    ShellInterpreter(ChatSession session, Consumer<String> printer, Clock clock, TransferProgress.Display transfers,
                     Path downloads) {
        this.session = session;
        this.printer = printer;
        this.clock = clock;
        this.transfers = transfers;
        this.downloads = downloads;
    }

    /** The prompt: the current conversation's address, if any. */
    public String prompt() {
        String current = conversation;
        return current == null ? "chatapp> " : current + "> ";
    }

    /** The current conversation's address, or null. */
    public String conversation() {
        return conversation;
    }

    /** Remembers a contact request, for completion of /accept and /decline, and returns the line to show. */
    public String contactRequest(String bareJid) {
        contactRequests.add(bareJid);
        return EventLines.contactRequest(bareJid);
    }

    /** The addresses Tab offers after /chat, /msg, /accept…: contacts and pending requests. */
    public Collection<String> knownAddresses() {
        Set<String> addresses = new LinkedHashSet<>();
        try {
            session.contacts().forEach(contact -> addresses.add(contact.jid()));
        } catch (RuntimeException notAvailable) {
            // not logged in (yet or any more): complete what we know
        }
        addresses.addAll(contactRequests);
        return addresses;
    }

    /**
     * Runs one typed line.
     *
     * @return false when the shell should end (/quit)
     */
    public boolean handle(String line) {
        String text = line.strip();
        if (text.isEmpty()) {
            return true;
        }
        try {
            if (text.startsWith("//")) {
                sendToConversation(line.stripLeading().substring(1));
            } else if (text.startsWith("/")) {
                return command(text);
            } else {
                sendToConversation(line);
            }
        } catch (CliException e) {
            printer.accept("chatapp: " + e.getMessage());
        } catch (RuntimeException e) {
            printer.accept("chatapp: " + FailureMessages.of(e, "the command"));
        }
        return true;
    }

    private boolean command(String text) {
        String[] parts = text.split("\\s+", 2);
        String name = parts[0].toLowerCase(Locale.ROOT);
        String rest = parts.length > 1 ? parts[1] : "";
        switch (name) {
            case "/help", "/?" -> HELP.forEach(printer);
            case "/contacts" -> listContacts();
            case "/add" -> add(rest);
            case "/accept" -> {
                if (rest.isBlank()) {
                    calls().run(name, rest);
                } else {
                    accept(rest);
                }
            }
            case "/call", "/reject", "/hangup", "/camera", "/video" -> calls().run(name, rest);
            case "/decline" -> decline(rest);
            case "/chat" -> chat(rest);
            case "/msg" -> msg(rest);
            case "/send" -> sendFile(rest);
            case "/download" -> download(rest);
            case "/history" -> history(rest);
            case "/read" -> read(rest);
            case "/retract" -> retract(rest);
            case "/remove" -> removeMessage(rest);
            case "/info" -> groupMessages().info(groupMessage(rest, "/info #N"));
            case "/delete" -> delete(rest);
            case "/lastseen" -> lastSeen(rest);
            case "/mute" -> {
                // "/mute", "/mute on|off": the microphone in a call; "/mute CHAT [TIME]": a chat's notifications
                if (MICROPHONE_MUTE.contains(rest.strip().toLowerCase(Locale.ROOT))) {
                    calls().run(name, rest);
                } else {
                    mute(rest);
                }
            }
            case "/notify" -> notifyLevel(rest);
            case "/status" -> status(rest);
            case "/group" -> groups().run(rest);
            case "/calls" -> callLog(rest);
            case "/quit", "/exit" -> {
                return false;
            }
            default -> printer.accept("chatapp: unknown command " + parts[0] + "; type /help for the list");
        }
        return true;
    }

    private void callLog(String rest) {
        int max = DEFAULT_HISTORY;
        if (!rest.isBlank()) {
            try {
                max = Integer.parseInt(rest.trim());
            } catch (NumberFormatException e) {
                throw CliException.usage("usage: /calls [N]");
            }
            if (max < 1) {
                throw CliException.usage("usage: /calls [N] (N at least 1)");
            }
        }
        CallLogPage page = session.callLog(max);
        CallLogLines.of(page, clock.getZone()).forEach(printer);
        if (page.unseenMissed() > 0) {
            session.markMissedCallsSeen();
        }
    }

    private void listContacts() {
        List<Contact> contacts = session.contacts();
        if (contacts.isEmpty()) {
            printer.accept("No contacts yet: add one with /add JID [NAME]");
            return;
        }
        printer.accept("Contacts (* = online):");
        Map<String, Integer> unread = session.unreadCounts();
        for (Contact contact : contacts) {
            StringBuilder line = new StringBuilder();
            boolean online = session.isOnline(contact.jid());
            line.append(online ? "  * " : "    ").append(contact.jid());
            if (unread.getOrDefault(contact.jid(), 0) > 0) {
                line.append(" [").append(unread.get(contact.jid())).append(" unread]");
            }
            if (!contact.name().isBlank()) {
                line.append(" (").append(EventLines.clean(contact.name())).append(')');
            }
            if (contact.pending()) {
                line.append(" - waiting for them to accept");
            } else if (online) {
                line.append(" - online");
            } else {
                line.append(" - ").append(EventLines.lastSeen(session.lastSeen(contact.jid()).orElse(null),
                        clock.instant(), clock.getZone()));
            }
            printer.accept(line.toString());
        }
    }

    private void add(String rest) {
        String[] words = arguments(rest, 1, "/add JID [NAME]");
        String jid = address(words[0]);
        String name = words.length > 1 ? words[1] : "";
        session.addContact(jid, name);
        printer.accept("Added " + jid + "; they are asked to accept, then you see each other online");
    }

    private void accept(String rest) {
        String jid = address(arguments(rest, 1, "/accept JID")[0]);
        session.acceptContact(jid);
        contactRequests.remove(jid);
        printer.accept("Accepted " + jid);
    }

    private void decline(String rest) {
        String jid = address(arguments(rest, 1, "/decline JID")[0]);
        session.declineContact(jid);
        contactRequests.remove(jid);
        printer.accept("Declined " + jid);
    }

    private void chat(String rest) {
        if (rest.isBlank()) {
            String previous = conversation;
            conversation = null;
            printer.accept(previous == null ? "No conversation; start one with /chat USER"
                    : "Left the conversation with " + previous);
            return;
        }
        String[] words = arguments(rest, 1, "/chat USER");
        if (words.length > 1) {
            throw CliException.usage("usage: /chat USER (then type messages on their own lines)");
        }
        Optional<String> room = groupNamed(words[0]);
        if (room.isPresent()) {
            conversation = room.get();
            groupConversation = true;
            printer.accept("Talking to the group " + groups().name(conversation) + ": type messages, /chat alone"
                    + " to stop");
            return;
        }
        conversation = address(words[0]);
        groupConversation = false;
        printer.accept("Talking to " + conversation + ": type messages, /chat alone to stop");
        markReadLater(conversation);
    }

    private void msg(String rest) {
        String[] words = arguments(rest, 2, "/msg USER TEXT");
        send(address(words[0]), MessageText.requireSendable(words[1]));
    }

    private void sendFile(String rest) {
        if (rest.isBlank()) {
            throw CliException.usage("usage: /send FILE (in a /chat)");
        }
        String to = conversation;
        if (to == null) {
            throw CliException.usage("no conversation: start one with /chat USER, then /send FILE");
        }
        Path file = MediaLines.requireFile(rest);
        boolean group = groupConversation;
        TransferProgress progress = new TransferProgress(file.getFileName().toString(), transfers);
        SentMedia sent = await(group ? groups().sendFile(to, file, progress) : session.sendFile(to, file, progress),
                progress, "sending the file");
        if (sent == null) {
            printer.accept("Cancelled: " + EventLines.clean(file.getFileName().toString()) + " was not sent");
            return;
        }
        MessageLog.Entry entry = remember(to, sent.messageId(), MediaLines.describe(sent.attachment()),
                sent.attachment());
        printer.accept("#" + entry.handle() + " you \u2192 " + (group ? "[" + groups().name(to) + "]" : to) + ": "
                + entry.body());
    }

    private void download(String rest) {
        String[] words = rest.isBlank() ? new String[0] : rest.strip().split("\\s+", 2);
        if (words.length < 1) {
            throw CliException.usage("usage: /download #N [PATH]");
        }
        MessageLog.Entry entry = entry(words[0].startsWith("#") ? words[0] : "#" + words[0])
                .orElseThrow(() -> new CliException("no message " + words[0]));
        MediaAttachment media = entry.media();
        if (media == null) {
            throw new CliException("#" + entry.handle() + " is a text, not a file");
        }
        Path requested;
        try {
            requested = words.length > 1 ? Path.of(words[1].strip()) : null;
        } catch (java.nio.file.InvalidPathException e) {
            throw new CliException("invalid path: " + words[1], e);
        }
        Path target = MediaLines.target(requested, downloads, media.name());
        TransferProgress progress = new TransferProgress(media.name(), transfers);
        Path saved = await(session.download(media, target, progress), progress, "downloading");
        if (saved == null) {
            printer.accept("Cancelled the download of #" + entry.handle() + ": nothing was saved");
            return;
        }
        String size = media.size() == null ? "" : MediaLines.size(media.size()) + ", ";
        printer.accept("Saved #" + entry.handle() + " (" + size + (media.sha256() == null
                ? "no hash given to check" : "SHA-256 verified") + ") to " + saved.toAbsolutePath());
    }

    /** Waits for a transfer, which {@link #cancelTransfer} may stop; null when it was cancelled. */
    private <T> T await(CompletableFuture<T> running, TransferProgress progress, String action) {
        transfer = running;
        try {
            return Await.result(running, action);
        } catch (CancellationException cancelled) {
            return null;
        } finally {
            transfer = null;
            progress.finish();
        }
    }

    /**
     * Stops the running /send or /download (Ctrl+C while one runs); false when none runs. Called from another
     * thread than {@link #handle}.
     */
    public boolean cancelTransfer() {
        CompletableFuture<?> running = transfer;
        return running != null && running.cancel(true);
    }

    private void history(String rest) {
        String[] userAndCount = rest.isBlank() ? new String[0] : rest.strip().split("\\s+");
        if (userAndCount.length < 1 || userAndCount.length > 2) {
            throw CliException.usage("usage: /history USER [N]");
        }
        String peer = address(userAndCount[0]);
        int count = userAndCount.length > 1 ? historyCount(userAndCount[1]) : DEFAULT_HISTORY;
        List<ChatMessage> messages = session.history(peer, count);
        if (messages.isEmpty()) {
            printer.accept("No messages with " + peer + " yet");
            return;
        }
        printer.accept("History with " + peer + " (" + messages.size() + " messages, oldest first):");
        LocalDate today = LocalDate.now(clock);
        HistoryLines.lines(messages, session::status, message -> remember(message).handle(), clock.getZone(), today)
                .forEach(printer);
        printer.accept("End of history with " + peer);
        markReadLater(peer);
    }

    /** Parses /history's N: 1 to 250. */
    static int historyCount(String text) {
        try {
            int count = Integer.parseInt(text);
            if (count >= 1 && count <= History.MAX_PAGE) {
                return count;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw CliException.usage("N must be a number from 1 to " + History.MAX_PAGE + " (usage: /history USER [N])");
    }

    private void read(String rest) {
        if (rest.isBlank() && groupConversation) {
            groups().markRead(conversation);
            return;
        }
        String peer = rest.isBlank() ? conversation : address(arguments(rest, 1, "/read [USER]")[0]);
        if (peer == null) {
            throw CliException.usage("usage: /read USER (or /read alone in a /chat)");
        }
        boolean marked = Await.result(session.markRead(peer), "marking read");
        printer.accept(marked ? "Marked the conversation with " + peer + " read"
                : "Nothing to mark read: no message from " + peer + " arrived since chatapp started");
    }

    private void retract(String rest) {
        String[] words = rest.isBlank() ? new String[0] : rest.strip().split("\\s+");
        if (words.length == 2) {
            String peer = address(words[0]);
            session.retract(peer, words[1]);
            printer.accept("Deleted for everyone: message " + words[1] + " to " + peer);
            return;
        }
        if (words.length != 1) {
            throw CliException.usage("usage: /retract #N (or /retract MESSAGE-ID in a /chat, or /retract USER "
                    + "MESSAGE-ID)");
        }
        Optional<MessageLog.Entry> found = entry(words[0]);
        if (found.isEmpty()) {
            String peer = conversation;
            if (peer == null) {
                throw CliException.usage("to delete by message id, /chat with the recipient first, or use "
                        + "/retract USER MESSAGE-ID");
            }
            session.retract(peer, words[0]);
            printer.accept("Deleted for everyone: message " + words[0] + " to " + peer);
            return;
        }
        MessageLog.Entry entry = found.get();
        if (isGroup(entry.peer())) {
            groupMessages().retract(entry);
            return;
        }
        if (!entry.ours()) {
            throw new CliException("cannot delete #" + entry.handle() + " for everyone: it is not your message "
                    + "(/delete #" + entry.handle() + " deletes it for you)");
        }
        if (entry.messageId() == null) {
            throw new CliException("cannot delete #" + entry.handle() + " for everyone: it has no message id");
        }
        session.retract(entry.peer(), entry.messageId());
        printer.accept("Deleted for everyone: " + EventLines.quote(entry.body()) + " (#" + entry.handle() + ")");
    }

    private void delete(String rest) {
        String[] words = rest.isBlank() ? new String[0] : rest.strip().split("\\s+");
        if (words.length != 1) {
            throw CliException.usage("usage: /delete #N (or /delete ARCHIVE-ID)");
        }
        Optional<MessageLog.Entry> found = entry(words[0]);
        if (found.isEmpty()) {
            session.deleteForMe(words[0]);
            printer.accept("Deleted for you: message " + words[0]);
            return;
        }
        MessageLog.Entry entry = found.get();
        if (isGroup(entry.peer())) {
            groupMessages().deleteForMe(entry);
            return;
        }
        if (entry.archiveId() == null && entry.ours() && entry.messageId() != null) {
            Optional<String> archiveId = session.archiveIdOf(entry.messageId());
            if (archiveId.isPresent()) {
                entry = log.withArchiveId(entry, archiveId.get());
            }
        }
        if (entry.archiveId() == null) {
            throw new CliException("cannot delete #" + entry.handle() + ": the server gave it no archive id");
        }
        session.deleteForMe(entry.archiveId());
        printer.accept("Deleted for you: " + EventLines.quote(entry.body()) + " (#" + entry.handle() + ")");
    }

    /**
     * The message a handle names: {@code #N} always is a handle (an error when unknown), a plain number is one when
     * it names a message shown, anything else is an id.
     */
    private Optional<MessageLog.Entry> entry(String token) {
        boolean marked = token.startsWith("#");
        String digits = marked ? token.substring(1) : token;
        if (!digits.isEmpty() && digits.length() <= 9 && digits.chars().allMatch(Character::isDigit)) {
            Optional<MessageLog.Entry> entry = log.handle(Integer.parseInt(digits));
            if (entry.isPresent() || !marked) {
                return entry;
            }
        }
        if (marked) {
            throw new CliException("no message " + token + " (the handles are shown before each message)");
        }
        return Optional.empty();
    }

    private void mute(String rest) {
        String[] words = arguments(rest, 1, "/mute CHAT [30m|8h|7d|off]");
        String chat = address(words[0]);
        if (words.length > 1 && words[1].equalsIgnoreCase("off")) {
            session.mute(chat, null);
            printer.accept("Unmuted " + chat);
            return;
        }
        Duration howLong = words.length > 1 ? duration(words[1]) : Duration.ofHours(8);
        session.mute(chat, howLong);
        printer.accept("Muted " + chat + " for " + (words.length > 1 ? words[1] : "8h"));
    }

    /** {@code 30m}, {@code 8h}, {@code 7d}. */
    static Duration duration(String text) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(\\d{1,6})([mhd])")
                .matcher(text.toLowerCase(Locale.ROOT));
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
            throw CliException.usage("a time is a number and m, h or d, e.g. 30m, 8h, 7d");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    private void notifyLevel(String rest) {
        String[] words = arguments(rest, 2, "/notify GROUP all|mentions|off");
        String level = words[1].toLowerCase(Locale.ROOT);
        if (words[0].equalsIgnoreCase("stories")) {
            if (!List.of("on", "off").contains(level)) {
                throw CliException.usage("usage: /notify stories on|off");
            }
            session.setStoryPushes(level.equals("on"));
            printer.accept("Story notifications: " + level);
            return;
        }
        if (!List.of("all", "mentions", "off").contains(level)) {
            throw CliException.usage("usage: /notify GROUP all|mentions|off");
        }
        String room = groups().room(words[0]);
        session.setGroupLevel(room, NotificationLevel.valueOf(level.toUpperCase(Locale.ROOT)));
        printer.accept("Notifications of " + words[0] + ": " + level);
    }

    private void lastSeen(String rest) {
        String value = rest.strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            printer.accept(EventLines.lastSeenVisibility(session.lastSeenVisibility()));
            return;
        }
        if (!VISIBILITIES.contains(value)) {
            throw CliException.usage("usage: /lastseen [everyone|contacts|nobody]");
        }
        LastSeenVisibility visibility = LastSeenVisibility.valueOf(value.toUpperCase(Locale.ROOT));
        session.setLastSeenVisibility(visibility);
        printer.accept(EventLines.lastSeenVisibility(visibility));
    }

    private void status(String rest) {
        String[] words = arguments(rest, 1, "/status MODE [TEXT]");
        if (StoryCommands.handles(words[0])) {
            stories().run(rest);
            return;
        }
        String mode = words[0].toLowerCase(Locale.ROOT);
        if (mode.equals("online")) {
            mode = "available";
        }
        if (!MODES.contains(mode)) {
            throw CliException.usage("unknown status '" + words[0] + "'; use one of " + String.join(", ", MODES));
        }
        String text = words.length > 1 ? words[1] : "";
        session.setStatus(mode, text);
        printer.accept("Status: " + mode + (text.isEmpty() ? "" : " (" + text + ")"));
    }

    private void sendToConversation(String text) {
        String to = conversation;
        if (to == null) {
            printer.accept("chatapp: no conversation: start one with /chat USER, or use /msg USER TEXT"
                    + " (/help for more)");
            return;
        }
        if (groupConversation) {
            MessageLog.Entry entry = remember(to, groups().say(to, text), text, null);
            printer.accept(EventLines.statusChange(MessageStatus.SENT, entry.body(), entry.handle()));
            return;
        }
        send(to, MessageText.requireSendable(text));
    }

    /** Whether the address is a group this shell has seen (none when the group commands were never used). */
    private synchronized boolean isGroup(String address) {
        return groupRooms.contains(address) || groupCommands != null && groupCommands.isGroup(address);
    }

    /** The group message commands, made on first use like {@link #groups()}. */
    private synchronized GroupMessageCommands groupMessages() {
        if (groupMessageCommands == null) {
            groupMessageCommands = new GroupMessageCommands(session.groups(), groups(), log, printer, clock);
        }
        return groupMessageCommands;
    }

    /** The {@code /group} commands, made on first use (a session without groups fails only then). */
    private synchronized StoryCommands stories() {
        if (storyCommands == null) {
            storyCommands = new StoryCommands(session.stories(), printer, this::address,
                    (running, progress, action) -> await(running, progress, action), transfers, clock);
        }
        return storyCommands;
    }

    /** The call commands, made on first use (a session without calls fails only then). */
    private synchronized CallCommands calls() {
        if (callCommands == null) {
            callCommands = new CallCommands(session.calls(), printer, this::address);
        }
        return callCommands;
    }

    /** Shows what happens to a call (an incoming one rings the bell). */
    public void callEvent(io.chatapp.client.CallEvent event) {
        String line = CallCommands.eventLine(event);
        if (line != null) {
            printer.accept(line);
        }
    }

    /** Shows that a contact posted a status update. */
    public void storyPosted(io.chatapp.client.Story story) {
        printer.accept(StoryCommands.postedLine(story));
    }

    private synchronized GroupCommands groups() {
        if (groupCommands == null) {
            groupCommands = new GroupCommands(session.groups(), printer, this::address, session::unreadCounts);
        }
        return groupCommands;
    }

    /** The group a /chat argument names, if it names one (user names are tried as groups first). */
    private Optional<String> groupNamed(String word) {
        try {
            return groups().find(word);
        } catch (CliException notAvailable) {
            return Optional.empty();
        }
    }

    /**
     * A message in a group: shown with the group's name; this account's own (echoed by the room) are not. A file gets
     * a {@code #N} handle for /download, as in one-to-one conversations.
     */
    public void groupMessage(io.chatapp.client.GroupMessage message) {
        groupRooms.add(message.room());
        MessageLog.Entry entry = log.add(message.room(), message.id(), message.archiveId(), message.outgoing(),
                GroupCommands.text(message), message.media());
        if (!message.outgoing()) {
            printer.accept("#" + entry.handle() + " " + groups().messageLine(message));
            // History fetched on entering a group is no news; a live message rings unless its group is open.
            boolean open = groupConversation && message.room().equals(conversation);
            if (!message.delayed() && !open) {
                bell.run();
            }
        }
    }

    /** A group message deleted for everyone. */
    public void groupRemoval(io.chatapp.client.GroupRemoval removal) {
        groupMessages().removed(removal);
    }

    /** A group message of ours reached, or was read by, every other member. */
    public void groupStatus(String room, String messageId, String archiveId, MessageStatus status) {
        groupMessages().statusChanged(room, messageId, archiveId, status);
    }

    private void removeMessage(String rest) {
        String[] words = rest.strip().split("\\s+", 2);
        groupMessages().remove(groupMessage(rest, "/remove #N [REASON]"), words.length > 1 ? words[1] : null);
    }

    /** The message a {@code /remove} or {@code /info} names, which must be a group's. */
    private MessageLog.Entry groupMessage(String rest, String usage) {
        String[] words = rest.isBlank() ? new String[0] : rest.strip().split("\\s+", 2);
        if (words.length < 1) {
            throw CliException.usage("usage: " + usage + " (in a group conversation)");
        }
        MessageLog.Entry entry = entry(words[0].startsWith("#") ? words[0] : "#" + words[0])
                .orElseThrow(() -> new CliException("no message " + words[0]));
        if (!isGroup(entry.peer())) {
            throw new CliException(usage.split(" ")[0] + " works on group messages; #" + entry.handle()
                    + " is not one");
        }
        return entry;
    }

    /** A group's system event ("alice added bob"). */
    public void groupEvent(io.chatapp.client.GroupEvent event) {
        printer.accept(groups().eventLine(event));
    }

    /** This account is no longer in a group. */
    public void groupLeft(String room) {
        printer.accept(groups().leftLine(room));
        if (room.equals(conversation)) {
            conversation = null;
            groupConversation = false;
        }
    }

    /** Sends and remembers the message, for its status lines and /retract. */
    private void send(String to, String text) {
        remember(to, session.send(to, text), text, null);
    }

    /** Remembers a message sent from here, and prints a status that arrived before the send returned. */
    private MessageLog.Entry remember(String to, String id, String body, MediaAttachment media) {
        MessageStatus early;
        MessageLog.Entry entry;
        synchronized (earlyStatuses) {
            entry = log.add(to, id, null, true, body, media);
            early = earlyStatuses.remove(id);
        }
        if (early != null) {
            printer.accept(EventLines.statusChange(early, entry.body(), entry.handle()));
        }
        return entry;
    }

    /** What rings the bell (the interactive shell's terminal); nothing by default. */
    public void onBell(Runnable ring) {
        this.bell = ring;
    }

    /**
     * A message arrived: prints it with its handle, marks it read when it belongs to the conversation, and rings the
     * bell when it does not.
     */
    public void incoming(ChatMessage message) {
        MessageLog.Entry entry = remember(message);
        if (!message.outgoing()) {
            typingDisplay.messageFrom(message.from());
        }
        String current = conversation;
        boolean open = current != null && current.equalsIgnoreCase(message.from());
        printer.accept(messageLine(message, entry.handle(), clock));
        if (!message.outgoing() && !open) {
            bell.run();
        }
        if (!message.outgoing() && open) {
            markReadLater(current);
        }
    }

    /** {@code #4 bob@…: hi}; {@code #4 [09:41] bob@…: hi} when it was stored while offline. */
    static String messageLine(ChatMessage message, int handle, Clock clock) {
        String line = "#" + handle + " " + EventLines.message(message);
        if (!message.delayed()) {
            return line;
        }
        return "#" + handle + " [" + EventLines.time(message.sentAt(), clock.getZone(), LocalDate.now(clock)) + "] "
                + EventLines.message(message);
    }

    /** A sent message's status changed: prints {@code   ✓✓ delivered: "hello" (#4)}. */
    public void statusChanged(String messageId, String peer, MessageStatus status) {
        Optional<MessageLog.Entry> entry;
        synchronized (earlyStatuses) {
            entry = log.messageId(peer, messageId);
            if (entry.isEmpty()) {
                earlyStatuses.put(messageId, status);
                if (earlyStatuses.size() > 100) {
                    earlyStatuses.remove(earlyStatuses.keySet().iterator().next());
                }
                return;
            }
        }
        printer.accept(EventLines.statusChange(status, entry.get().body(), entry.get().handle()));
    }

    /** Someone's chat state: prints when they start typing or pause, nothing for repeats. */
    public void typingChanged(String from, TypingState state) {
        typingDisplay.update(from, state).ifPresent(printer);
    }

    /** A message was deleted for everyone. */
    public void retracted(Retraction retraction) {
        Optional<MessageLog.Entry> entry = log.messageId(retraction.peer(), retraction.messageId())
                .or(() -> log.archiveId(retraction.archiveId()));
        String line = EventLines.retraction(retraction.peer(), retraction.outgoing(),
                entry.map(MessageLog.Entry::body).orElse(null));
        printer.accept(entry.map(e -> line + " (#" + e.handle() + ")").orElse(line));
    }

    /** Another device of this account deleted a message for this account. */
    public void hidden(String archiveId) {
        printer.accept(log.archiveId(archiveId)
                .map(e -> "* deleted for you on another device: " + EventLines.quote(e.body()) + " (#" + e.handle()
                        + ")")
                .orElse("* a message was deleted for you on another device"));
    }

    /** The line being typed changed: tells the conversation's partner that the user is typing a message. */
    public void typed(String buffer) {
        String to = conversation;
        if (to != null && !buffer.isEmpty() && (!buffer.startsWith("/") || buffer.startsWith("//"))) {
            session.typing(to);
        }
    }

    private MessageLog.Entry remember(ChatMessage message) {
        String id = message.originId() != null ? message.originId() : message.id();
        return log.add(message.peer(), id, message.archiveId(), message.outgoing(),
                message.hasMedia() ? MediaLines.describe(message.media()) : message.body(), message.media());
    }

    /** Marks the conversation read without waiting; a failure only means it stays unread. */
    private void markReadLater(String peer) {
        try {
            session.markRead(peer);
        } catch (RuntimeException ignored) {
            // not connected: nothing to mark
        }
    }

    private String address(String user) {
        return Jids.toBareJid(user, session.domain());
    }

    /**
     * Splits a command's arguments: the first {@code required - 1} words, then the rest of the line as the last
     * argument (a message text or a name may contain spaces).
     */
    private static String[] arguments(String rest, int required, String usage) {
        String trimmed = rest.strip();
        List<String> words = new ArrayList<>();
        if (!trimmed.isEmpty()) {
            String[] split = trimmed.split("\\s+", Math.max(required, 2));
            words.addAll(List.of(split));
        }
        if (words.size() < required) {
            throw CliException.usage("usage: " + usage);
        }
        return words.toArray(String[]::new);
    }
}
