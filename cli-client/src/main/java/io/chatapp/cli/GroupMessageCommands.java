package io.chatapp.cli;

import io.chatapp.client.GroupRemoval;
import io.chatapp.client.MessageInfo;
import io.chatapp.client.MessageStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the shell does with single messages of a group: {@code /retract #N} (your own, for everyone),
 * {@code /delete #N} (anyone's, for you only),
 * {@code /remove #N [REASON]} (anyone's, admins), {@code /info #N} (who got and read your message, when), and the
 * lines for a removal and for "delivered to all" / "read by all".
 */
final class GroupMessageCommands {

    private final GroupSession groups;
    private final GroupCommands names;
    private final MessageLog log;
    private final Consumer<String> printer;
    private final Clock clock;

    GroupMessageCommands(GroupSession groups, GroupCommands names, MessageLog log, Consumer<String> printer,
                         Clock clock) {
        this.groups = groups;
        this.names = names;
        this.log = log;
        this.printer = printer;
        this.clock = clock;
    }

    /** {@code /retract #N} of a group message. */
    void retract(MessageLog.Entry entry) {
        if (!entry.ours()) {
            throw new CliException("cannot delete #" + entry.handle() + " for everyone: it is not your message"
                    + " (group admins remove it with /remove #" + entry.handle() + ")");
        }
        groups.retract(entry.peer(), archiveId(entry));
        printer.accept("Deleted for everyone: " + EventLines.quote(entry.body()) + " (#" + entry.handle() + ")");
    }

    /** {@code /delete #N} of a group message: gone from your view of the group, the other members keep it. */
    void deleteForMe(MessageLog.Entry entry) {
        groups.deleteForMe(entry.peer(), archiveId(entry));
        printer.accept("Deleted for you: " + EventLines.quote(entry.body()) + " (#" + entry.handle() + ")");
    }

    /** {@code /remove #N [REASON]}: a group admin removes anyone's message. */
    void remove(MessageLog.Entry entry, String reason) {
        groups.removeMessage(entry.peer(), archiveId(entry), reason == null || reason.isBlank() ? null
                : reason.strip());
        printer.accept("Removed for everyone: " + EventLines.quote(entry.body()) + " (#" + entry.handle() + ")");
    }

    /** {@code /info #N}: each other member's delivered and read times of your message. */
    void info(MessageLog.Entry entry) {
        if (!entry.ours()) {
            throw new CliException("message info is for your own messages; #" + entry.handle() + " is not yours");
        }
        MessageInfo info = groups.messageInfo(entry.peer(), entry.archiveId() != null ? entry.archiveId()
                : entry.messageId());
        printer.accept("Message info for " + EventLines.quote(entry.body()) + " (#" + entry.handle() + ") in ["
                + names.name(entry.peer()) + "]:");
        LocalDate today = LocalDate.now(clock);
        for (MessageInfo.Recipient recipient : info.recipients()) {
            printer.accept("  " + EventLines.clean(recipient.jid()) + ": "
                    + when("delivered", recipient.deliveredAt(), today) + ", " + when("read", recipient.readAt(), today));
        }
        long read = info.recipients().stream().filter(r -> r.readAt() != null).count();
        long delivered = info.recipients().stream().filter(r -> r.deliveredAt() != null).count();
        printer.accept("  delivered to " + delivered + " of " + info.recipients().size() + ", read by " + read
                + " of " + info.recipients().size());
    }

    /** A message removed for everyone: {@code [Team] * alice@… removed a message: "…" (#5) - reason: spam}. */
    void removed(GroupRemoval removal) {
        Optional<MessageLog.Entry> entry = log.archiveId(removal.archiveId());
        String who = removal.moderated() ? EventLines.clean(removal.removedBy()) + " removed a message"
                : "a message was deleted by its sender";
        String line = "[" + names.name(removal.room()) + "] * " + who
                + entry.map(e -> ": " + EventLines.quote(e.body()) + " (#" + e.handle() + ")").orElse("");
        printer.accept(removal.reason() == null ? line : line + " - reason: " + EventLines.clean(removal.reason()));
    }

    /** Your group message reached (or was read by) every other member. */
    void statusChanged(String room, String messageId, String archiveId, MessageStatus status) {
        Optional<MessageLog.Entry> entry = log.archiveId(archiveId).or(() -> log.messageId(room, messageId));
        String mark = status == MessageStatus.READ ? "\u2713\u2713 read by all" : "\u2713\u2713 delivered to all";
        entry.ifPresent(e -> printer.accept("  " + mark + ": " + EventLines.quote(e.body()) + " (#" + e.handle()
                + ")"));
    }

    private String when(String what, Instant at, LocalDate today) {
        return at == null ? "not " + what + " yet" : what + " " + EventLines.time(at, clock.getZone(), today);
    }

    private static String archiveId(MessageLog.Entry entry) {
        if (entry.archiveId() == null) {
            throw new CliException("cannot delete #" + entry.handle() + " yet: the group has not confirmed it");
        }
        return entry.archiveId();
    }
}
