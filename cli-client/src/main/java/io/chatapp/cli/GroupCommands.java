package io.chatapp.cli;

import io.chatapp.client.GroupEvent;
import io.chatapp.client.GroupInfo;
import io.chatapp.client.GroupMember;
import io.chatapp.client.GroupMessage;
import io.chatapp.client.MediaProgressListener;
import io.chatapp.client.SentMedia;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * {@code /group …}: create and manage groups, and the lines that show group messages and events. A GROUP is named by
 * its name (as {@code /group} lists it), its address, or the address's first part.
 */
final class GroupCommands {

    static final List<String> SUBCOMMANDS = List.of("list", "create", "add", "remove", "admin", "info", "image",
            "say", "announce", "leave", "delete");

    static final List<String> HELP = List.of(
            "  /group               list your groups",
            "  /group create NAME USER...   create a group (quote a NAME with spaces: \"Team A\") with members",
            "  /group add GROUP USER...     add members (admins)",
            "  /group remove GROUP USER     remove a member (admins)",
            "  /group admin GROUP USER [off]  make USER an admin, or (off) a plain member again (admins)",
            "  /group info GROUP [name TEXT | description TEXT]  show the group, or change its name or description",
            "  /group image GROUP FILE|off  set the group image (PNG, JPEG, GIF or WebP), or remove it",
            "  /group say GROUP TEXT        send a message to the group (or /chat GROUP, then type)",
            "  /group announce GROUP on|off only admins may send (on), or everyone (off)",
            "  /group leave GROUP           leave the group",
            "  /group delete GROUP          delete the group (its owner)");

    private final GroupSession groups;
    private final Consumer<String> printer;
    private final UnaryOperator<String> address;
    /** Unread messages per chat (groups among them), for the list; empty when the session cannot say. */
    private final java.util.function.Supplier<Map<String, Integer>> unread;
    /** room → name, for the lines shown; refreshed by /group and by events. */
    private final Map<String, String> names = new ConcurrentHashMap<>();

    GroupCommands(GroupSession groups, Consumer<String> printer, UnaryOperator<String> address,
                  java.util.function.Supplier<Map<String, Integer>> unread) {
        this.groups = groups;
        this.printer = printer;
        this.address = address;
        this.unread = unread;
    }

    void run(String rest) {
        List<String> words = words(rest);
        String sub = words.isEmpty() ? "list" : words.remove(0).toLowerCase(Locale.ROOT);
        switch (sub) {
            case "list" -> list();
            case "create" -> create(words);
            case "add" -> {
                String room = room(need(words, 2, "/group add GROUP USER..."));
                List<String> members = words.subList(1, words.size()).stream().map(address).toList();
                groups.add(room, members);
                printer.accept("Added " + String.join(", ", members) + " to " + name(room));
            }
            case "remove" -> {
                String room = room(need(words, 2, "/group remove GROUP USER"));
                groups.remove(room, address.apply(words.get(1)));
                printer.accept("Removed " + address.apply(words.get(1)) + " from " + name(room));
            }
            case "admin" -> admin(words);
            case "info" -> info(words, rest);
            case "image" -> {
                String room = room(need(words, 2, "/group image GROUP FILE|off"));
                String file = afterWords(rest, 2);
                boolean off = file.equalsIgnoreCase("off");
                groups.setImage(room, off ? null : GroupImageFile.read(file));
                printer.accept((off ? "Removed the image of " : "Changed the image of ") + name(room));
            }
            case "say" -> {
                String room = room(need(words, 2, "/group say GROUP TEXT"));
                say(room, afterWords(rest, 2));
            }
            case "announce" -> {
                String room = room(need(words, 2, "/group announce GROUP on|off"));
                groups.setOnlyAdminsSend(room, onOff(words.get(1), "/group announce GROUP on|off"));
            }
            case "leave" -> {
                String room = room(need(words, 1, "/group leave GROUP"));
                groups.leave(room);
                printer.accept("You left " + name(room));
            }
            case "delete" -> {
                String room = room(need(words, 1, "/group delete GROUP"));
                groups.delete(room);
                printer.accept("Deleted " + name(room));
            }
            default -> throw CliException.usage("unknown /group command '" + sub + "'; use one of "
                    + String.join(", ", SUBCOMMANDS));
        }
    }

    /** Sends to a group; returns the message id. */
    String say(String room, String text) {
        return groups.send(room, MessageText.requireSendable(text));
    }

    /** Whether the address is one of the groups this shell has seen. */
    boolean isGroup(String address) {
        return names.containsKey(address);
    }

    /** The room a word names, if it names one of the account's groups. */
    Optional<String> find(String word) {
        List<GroupInfo> mine = groups.list();
        mine.forEach(g -> names.put(g.room(), g.name()));
        List<GroupInfo> matches = mine.stream().filter(g -> g.room().equalsIgnoreCase(word)
                || g.room().substring(0, g.room().indexOf('@')).equalsIgnoreCase(word)).toList();
        if (matches.isEmpty()) {
            matches = mine.stream().filter(g -> g.name().equalsIgnoreCase(word)).toList();
        }
        if (matches.size() > 1) {
            throw new CliException("several groups are called '" + word + "': use the address /group shows");
        }
        return matches.stream().findFirst().map(GroupInfo::room);
    }

    String room(String word) {
        return find(word).orElseThrow(() -> new CliException("no group '" + word + "' (/group lists yours)"));
    }

    private void list() {
        List<GroupInfo> mine = groups.list();
        if (mine.isEmpty()) {
            printer.accept("No groups yet: create one with /group create NAME USER...");
            return;
        }
        printer.accept("Your groups:");
        Map<String, Integer> counts = unread.get();
        for (GroupInfo group : mine) {
            names.put(group.room(), group.name());
            int count = counts.getOrDefault(group.room(), 0);
            printer.accept("  " + EventLines.clean(group.name()) + " (" + group.room() + ")"
                    + (count > 0 ? " [" + count + " unread]" : "") + " - "
                    + group.members().size() + " members" + (group.announce() ? ", only admins send" : ""));
        }
    }

    private void create(List<String> words) {
        need(words, 1, "/group create NAME USER...");
        List<String> members = words.subList(1, words.size()).stream().map(address).toList();
        GroupInfo group = groups.create(words.get(0), members);
        names.put(group.room(), group.name());
        printer.accept("Created " + EventLines.clean(group.name()) + " (" + group.room() + ") with "
                + (members.isEmpty() ? "only you" : String.join(", ", members)));
    }

    private void admin(List<String> words) {
        String room = room(need(words, 2, "/group admin GROUP USER [off]"));
        String member = address.apply(words.get(1));
        boolean on = words.size() < 3 || onOff(words.get(2), "/group admin GROUP USER [off]");
        if (on) {
            groups.promote(room, member);
        } else {
            groups.demote(room, member);
        }
        printer.accept(member + (on ? " is now an admin of " : " is no longer an admin of ") + name(room));
    }

    private void info(List<String> words, String rest) {
        String room = room(need(words, 1, "/group info GROUP [name TEXT | description TEXT]"));
        if (words.size() >= 3) {
            String what = words.get(1).toLowerCase(Locale.ROOT);
            String text = afterWords(rest, 3);
            switch (what) {
                case "name" -> groups.setInfo(room, text, null);
                case "description" -> groups.setInfo(room, null, text);
                default -> throw CliException.usage("usage: /group info GROUP [name TEXT | description TEXT]");
            }
            return;
        }
        GroupInfo group = groups.list().stream().filter(g -> g.room().equals(room)).findFirst()
                .orElseThrow(() -> new CliException("no group " + room));
        printer.accept(EventLines.clean(group.name()) + " (" + group.room() + ")");
        if (!group.description().isEmpty()) {
            printer.accept("  " + EventLines.clean(group.description()));
        }
        printer.accept("  " + (group.announce() ? "only admins send" : "everyone sends")
                + (group.membersEditInfo() ? "; everyone edits the info" : "; admins edit the info"));
        for (GroupMember member : group.members()) {
            printer.accept("  " + member.jid() + " - " + member.role().name().toLowerCase(Locale.ROOT));
        }
    }

    /** {@code [Team] bob@…: hi}; a file as {@code [Team] bob@…: [image 1.2 MB] photo.jpg}. */
    String messageLine(GroupMessage message) {
        return "[" + name(message.room()) + "] " + EventLines.message(message.from(), text(message));
    }

    /** What a group message shows: its text, or a line describing its file. */
    static String text(GroupMessage message) {
        return message.hasMedia() ? MediaLines.describe(message.media()) : message.body();
    }

    /** Uploads a file and shares it in the group (see {@link GroupSession#sendFile}). */
    CompletableFuture<SentMedia> sendFile(String room, Path file, MediaProgressListener progress) {
        return groups.sendFile(room, file, progress);
    }

    /** {@code [Team] * alice added bob}. */
    String eventLine(GroupEvent event) {
        if (event.type() == GroupEvent.Type.NAME_CHANGED && event.value() != null) {
            names.put(event.room(), event.value());
        }
        return "[" + name(event.room()) + "] * " + EventLines.clean(event.text());
    }

    String leftLine(String room) {
        return "[" + name(room) + "] * you are no longer in this group";
    }

    /** {@code /read} in a group conversation: a read marker to the room, for the senders' message info. */
    void markRead(String room) {
        printer.accept(groups.markRead(room) ? "Marked the group " + name(room) + " read"
                : "Nothing to mark read: no message of " + name(room) + " arrived since chatapp started");
    }

    String name(String room) {
        return EventLines.clean(names.getOrDefault(room, room));
    }

    private static boolean onOff(String word, String usage) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "on", "yes" -> true;
            case "off", "no" -> false;
            default -> throw CliException.usage("usage: " + usage);
        };
    }

    private static String need(List<String> words, int count, String usage) {
        if (words.size() < count) {
            throw CliException.usage("usage: " + usage);
        }
        return words.get(0);
    }

    /** Words, with "double quoted" ones kept whole. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        boolean quoted = false;
        for (char c : text.strip().toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                if (word == null) {
                    word = new StringBuilder();
                }
            } else if (Character.isWhitespace(c) && !quoted) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                if (word == null) {
                    word = new StringBuilder();
                }
                word.append(c);
            }
        }
        if (quoted) {
            throw CliException.usage("a quote is not closed");
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    /** The line after its first {@code count} words, quoted ones counting as one (for texts with spaces). */
    private static String afterWords(String rest, int count) {
        String text = rest.strip();
        int i = 0;
        for (int word = 0; word < count && i < text.length(); word++) {
            boolean quoted = false;
            while (i < text.length() && (quoted || !Character.isWhitespace(text.charAt(i)))) {
                if (text.charAt(i) == '"') {
                    quoted = !quoted;
                }
                i++;
            }
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
        }
        String remainder = text.substring(i);
        if (remainder.isBlank()) {
            throw CliException.usage("a text is missing");
        }
        return remainder;
    }
}
