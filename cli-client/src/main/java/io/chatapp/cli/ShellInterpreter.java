package io.chatapp.cli;

import io.chatapp.client.Contact;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The interactive shell's commands, one typed line at a time: {@code /help}, {@code /contacts}, {@code /add},
 * {@code /accept}, {@code /decline}, {@code /chat}, {@code /msg}, {@code /status}, {@code /quit}; any other line
 * is a message to the current conversation. Knows nothing of the terminal: output goes to a line printer.
 */
public final class ShellInterpreter {

    /** The command names, for /help and completion. */
    public static final List<String> COMMANDS = List.of("/help", "/contacts", "/add", "/accept", "/decline",
            "/chat", "/msg", "/status", "/quit");

    /** Presence modes for /status. */
    public static final List<String> MODES = List.of("available", "chat", "away", "xa", "dnd");

    /** Commands whose first argument is an address, completed with the contacts. */
    static final Set<String> ADDRESS_COMMANDS = Set.of("/chat", "/msg", "/accept", "/decline", "/add");

    private static final List<String> HELP = List.of(
            "Commands:",
            "  /chat USER           talk to USER: plain lines are then sent to them (/chat alone: stop)",
            "  /msg USER TEXT       send one message to USER",
            "  /contacts            list your contacts (* = online)",
            "  /add JID [NAME]      add a contact; they are asked to accept",
            "  /accept JID          accept someone's request to add you",
            "  /decline JID         decline someone's request to add you",
            "  /status MODE [TEXT]  set your status: available, chat, away, xa (long away), dnd (busy)",
            "  /help                this list",
            "  /quit                log out and leave (also Ctrl+D)",
            "USER is a user name on your server (bob) or an address (bob@example.org).",
            "Tab completes commands and contacts. Start a line with // to send a text beginning with /.");

    private final ChatSession session;
    private final Consumer<String> printer;
    private final Set<String> contactRequests = ConcurrentHashMap.newKeySet();
    private volatile String conversation;

    public ShellInterpreter(ChatSession session, Consumer<String> printer) {
        this.session = session;
        this.printer = printer;
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
            case "/accept" -> accept(rest);
            case "/decline" -> decline(rest);
            case "/chat" -> chat(rest);
            case "/msg" -> msg(rest);
            case "/status" -> status(rest);
            case "/quit", "/exit" -> {
                return false;
            }
            default -> printer.accept("chatapp: unknown command " + parts[0] + "; type /help for the list");
        }
        return true;
    }

    private void listContacts() {
        List<Contact> contacts = session.contacts();
        if (contacts.isEmpty()) {
            printer.accept("No contacts yet: add one with /add JID [NAME]");
            return;
        }
        printer.accept("Contacts (* = online):");
        for (Contact contact : contacts) {
            StringBuilder line = new StringBuilder();
            line.append(session.isOnline(contact.jid()) ? "  * " : "    ").append(contact.jid());
            if (!contact.name().isBlank()) {
                line.append(" (").append(EventLines.clean(contact.name())).append(')');
            }
            if (contact.pending()) {
                line.append(" - waiting for them to accept");
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
        conversation = address(words[0]);
        printer.accept("Talking to " + conversation + ": type messages, /chat alone to stop");
    }

    private void msg(String rest) {
        String[] words = arguments(rest, 2, "/msg USER TEXT");
        session.send(address(words[0]), MessageText.requireSendable(words[1]));
    }

    private void status(String rest) {
        String[] words = arguments(rest, 1, "/status MODE [TEXT]");
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
        session.send(to, MessageText.requireSendable(text));
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
