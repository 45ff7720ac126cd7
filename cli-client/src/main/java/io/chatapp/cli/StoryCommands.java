package io.chatapp.cli;

import io.chatapp.client.Story;
import io.chatapp.client.StoryAudience;
import io.chatapp.client.StoryFeedEntry;
import io.chatapp.client.StoryKind;
import io.chatapp.client.StoryPrivacy;
import io.chatapp.client.StoryViewer;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * {@code /status post|list|view|viewers|delete|privacy|mute|unmute|receipts}: status stories, and the line shown
 * when a contact posts one. {@code /status MODE [TEXT]} (presence) stays with the shell. Your own live stories are
 * numbered 1, 2, … oldest first, as {@code /status viewers} shows them; {@code /status delete N} names one so.
 */
final class StoryCommands {

    /** In the order /help and completion show them. */
    static final List<String> SUBCOMMANDS = List.of("post", "list", "view", "viewers", "delete", "privacy", "mute",
            "unmute", "receipts");

    static final List<String> HELP = List.of(
            "  /status post \"TEXT\" [--color #RRGGBB]  post a text status (gone after 24 h)",
            "  /status post FILE [CAPTION]  post an image or video status",
            "  /status list                contacts with status updates (new first, muted last), and yours",
            "  /status view USER           show USER's status updates (marks them viewed)",
            "  /status viewers             your status updates, numbered, with who viewed them",
            "  /status delete N            delete your status N (as /status viewers numbers them)",
            "  /status privacy [contacts | except USER... | only USER...]  show or set who sees future ones",
            "  /status mute|unmute USER    hide USER's status updates from notifications (listed last)",
            "  /status receipts on|off     off: you are not listed as a viewer, and see no viewers of yours");

    /** Runs an upload the user may cancel (Ctrl+C), with its progress bar; null when cancelled. */
    @FunctionalInterface
    interface Transfers {
        Story await(CompletableFuture<Story> running, TransferProgress progress, String action);
    }

    private final StorySession stories;
    private final Consumer<String> printer;
    private final UnaryOperator<String> address;
    private final Transfers transfers;
    private final TransferProgress.Display display;
    private final Clock clock;

    StoryCommands(StorySession stories, Consumer<String> printer, UnaryOperator<String> address,
                  Transfers transfers, TransferProgress.Display display, Clock clock) {
        this.stories = stories;
        this.printer = printer;
        this.address = address;
        this.transfers = transfers;
        this.display = display;
        this.clock = clock;
    }

    /** Whether {@code /status WORD …} is a story command rather than a presence mode. */
    static boolean handles(String firstWord) {
        return SUBCOMMANDS.contains(firstWord.toLowerCase(Locale.ROOT));
    }

    void run(String rest) {
        List<String> words = GroupCommands.words(rest);
        String sub = words.remove(0).toLowerCase(Locale.ROOT);
        switch (sub) {
            case "post" -> post(words);
            case "list" -> list();
            case "view" -> view(one(words, "/status view USER"));
            case "viewers" -> viewers();
            case "delete" -> delete(one(words, "/status delete N"));
            case "privacy" -> privacy(words);
            case "mute", "unmute" -> {
                String jid = address.apply(one(words, "/status " + sub + " USER"));
                stories.mute(jid, sub.equals("mute"));
                printer.accept((sub.equals("mute") ? "Muted" : "Unmuted") + " the status updates of " + jid);
            }
            case "receipts" -> receipts(one(words, "/status receipts on|off"));
            default -> throw CliException.usage("unknown /status command " + sub);
        }
    }

    private static String one(List<String> words, String usage) {
        if (words.size() != 1) {
            throw CliException.usage("usage: " + usage);
        }
        return words.get(0);
    }

    private void post(List<String> words) {
        if (words.isEmpty()) {
            throw CliException.usage("usage: /status post \"TEXT\" [--color #RRGGBB] or /status post FILE [CAPTION]");
        }
        Path file = existingFile(words.get(0));
        if (file != null) {
            Path upload = MediaLines.requireFile(words.get(0));
            String caption = words.size() > 1 ? String.join(" ", words.subList(1, words.size())) : null;
            TransferProgress progress = new TransferProgress(upload.getFileName().toString(), display);
            Story posted = transfers.await(stories.postFile(upload, caption, progress), progress,
                    "posting the status");
            if (posted == null) {
                printer.accept("Cancelled: no status was posted");
                return;
            }
            printer.accept("Posted your status: " + describe(posted) + " (until " + time(posted.expiresAt()) + ")");
            return;
        }
        String color = null;
        List<String> text = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).equals("--color") && i + 1 < words.size()) {
                color = words.get(++i);
            } else {
                text.add(words.get(i));
            }
        }
        Story posted = stories.postText(MessageText.requireSendable(String.join(" ", text)), color);
        printer.accept("Posted your status: " + describe(posted) + " (until " + time(posted.expiresAt()) + ")");
    }

    /** The file a word names, when it names an existing regular file; null for a text. */
    private static Path existingFile(String word) {
        try {
            Path path = Path.of(word.startsWith("~/") ? System.getProperty("user.home") + word.substring(1) : word);
            return Files.isRegularFile(path) ? path : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private void list() {
        List<StoryFeedEntry> feed = stories.feed();
        if (feed.isEmpty()) {
            printer.accept("No status updates from your contacts");
        } else {
            printer.accept("Status updates (new first):");
            for (StoryFeedEntry entry : feed) {
                printer.accept("  " + entry.owner() + " - " + entry.stories() + (entry.unseen() > 0
                        ? " (" + entry.unseen() + " new)" : "") + ", latest " + time(entry.latest())
                        + (entry.muted() ? " [muted]" : ""));
            }
        }
        List<Story> mine = stories.mine();
        printer.accept(mine.isEmpty() ? "You have no status: /status post \"TEXT\"" : "Your status: " + mine.size()
                + " update" + (mine.size() == 1 ? "" : "s") + " (/status viewers)");
    }

    private void view(String user) {
        String owner = address.apply(user);
        List<Story> shown = stories.stories(owner);
        if (shown.isEmpty()) {
            printer.accept("No status from " + owner);
            return;
        }
        printer.accept("Status of " + owner + " (oldest first):");
        for (Story story : shown) {
            printer.accept("  " + time(story.postedAt()) + " " + describe(story));
            if (!story.seen()) {
                stories.view(story.id());
            }
        }
    }

    private void viewers() {
        List<Story> mine = stories.mine();
        if (mine.isEmpty()) {
            printer.accept("You have no status: /status post \"TEXT\"");
            return;
        }
        for (int i = 0; i < mine.size(); i++) {
            Story story = mine.get(i);
            List<StoryViewer> viewers = stories.viewers(story.id());
            StringBuilder line = new StringBuilder("  ").append(i + 1).append(". ").append(time(story.postedAt()))
                    .append(' ').append(describe(story)).append(" - ").append(viewers.size())
                    .append(viewers.size() == 1 ? " view" : " views");
            for (int v = 0; v < viewers.size(); v++) {
                line.append(v == 0 ? ": " : ", ").append(viewers.get(v).jid()).append(" (")
                        .append(time(viewers.get(v).viewedAt())).append(')');
            }
            printer.accept(line.toString());
        }
    }

    private void delete(String number) {
        List<Story> mine = stories.mine();
        int index;
        try {
            index = Integer.parseInt(number.startsWith("#") ? number.substring(1) : number);
        } catch (NumberFormatException e) {
            throw CliException.usage("usage: /status delete N (N as /status viewers numbers your updates)");
        }
        if (index < 1 || index > mine.size()) {
            throw new CliException("you have no status " + index + " (you have " + mine.size() + ")");
        }
        stories.delete(mine.get(index - 1).id());
        printer.accept("Deleted your status " + index + " for everyone");
    }

    private void privacy(List<String> words) {
        StoryPrivacy privacy;
        if (words.isEmpty()) {
            privacy = stories.privacy();
        } else {
            StoryAudience audience = switch (words.get(0).toLowerCase(Locale.ROOT)) {
                case "contacts" -> StoryAudience.CONTACTS;
                case "except" -> StoryAudience.EXCEPT;
                case "only" -> StoryAudience.ONLY;
                default -> throw CliException.usage("usage: /status privacy contacts | except USER... | only USER...");
            };
            List<String> members = new ArrayList<>();
            words.subList(1, words.size()).forEach(word -> members.add(address.apply(word)));
            if (audience != StoryAudience.CONTACTS && members.isEmpty()) {
                throw CliException.usage("usage: /status privacy " + words.get(0) + " USER...");
            }
            privacy = stories.setAudience(audience, members);
        }
        printer.accept("Your future status updates are for " + switch (privacy.audience()) {
            case CONTACTS -> "all your contacts";
            case EXCEPT -> "your contacts except " + String.join(", ", privacy.members());
            case ONLY -> "only " + String.join(", ", privacy.members());
        } + "; read receipts " + (privacy.readReceipts() ? "on" : "off"));
    }

    private void receipts(String onOff) {
        boolean on = switch (onOff.toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw CliException.usage("usage: /status receipts on|off");
        };
        stories.setReadReceipts(on);
        printer.accept(on ? "Read receipts on: you appear as a viewer and see your viewers"
                : "Read receipts off: you are not listed as a viewer, and see no viewers of yours");
    }

    /** The line shown when a contact posts (in the shell and by {@code chatapp listen}). */
    static String postedLine(Story story) {
        return "\u2726 " + story.owner() + " posted a status: " + describe(story) + " (/status view "
                + story.owner() + ")";
    }

    /** {@code "TEXT"}, {@code [image 12.0 KB] name.png "caption"}. */
    static String describe(Story story) {
        if (story.kind() == StoryKind.TEXT) {
            return "\"" + EventLines.clean(story.text()).replace('\n', ' ') + "\"";
        }
        StringBuilder line = new StringBuilder("[").append(story.kind().name().toLowerCase(Locale.ROOT));
        if (story.media() != null) {
            line.append(' ').append(MediaLines.size(story.media().size())).append("] ")
                    .append(EventLines.clean(story.media().name()));
        } else {
            line.append(']');
        }
        if (story.caption() != null) {
            line.append(" \"").append(EventLines.clean(story.caption()).replace('\n', ' ')).append('"');
        }
        return line.toString();
    }

    private String time(Instant instant) {
        var local = instant.atZone(clock.getZone());
        return local.toLocalDate().equals(LocalDate.now(clock))
                ? local.format(DateTimeFormatter.ofPattern("HH:mm"))
                : local.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    }
}
