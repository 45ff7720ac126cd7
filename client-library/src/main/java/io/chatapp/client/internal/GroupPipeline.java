package io.chatapp.client.internal;

import io.chatapp.client.GroupEvent;
import io.chatapp.client.GroupMessage;
import io.chatapp.client.GroupRemoval;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Decides what of each group stanza reaches the app, free of Smack so it can be tested alone; the group side of the
 * {@link MessagePipeline}, built from the same parts:
 *
 * <ul>
 *   <li>each message and event is delivered once per archive id ({@link DeliveredIds}), live or from the group's
 *       archive;</li>
 *   <li>each group keeps an archive cursor, the newest archive id delivered: where the next catch-up starts and
 *       what a read marker names;</li>
 *   <li>each message from someone else is acknowledged to the room through the same {@link MessagePipeline.Outbox}
 *       as one-to-one receipts (naming the message by its archive id, as the server expects of group receipts);</li>
 *   <li>a catch-up after entering a group pages its archive forward from the cursor ({@link ArchivePaging}), or
 *       the first time reads the newest page. Live messages are not held back meanwhile: the room was entered
 *       first, so nothing is lost, and the archive ids keep anything from coming twice.</li>
 * </ul>
 *
 * All methods are thread-safe; events are passed on in the order they are decided, under the pipeline's lock.
 */
public final class GroupPipeline {

    private static final Logger LOG = Logger.getLogger(GroupPipeline.class.getName());

    /** Where the pipeline's decisions go. Implementations hand them on without blocking. */
    public interface Events {
        void message(GroupMessage message);

        void event(GroupEvent event);

        void removal(GroupRemoval removal);
    }

    /** A group's archive, read by the catch-up. Calls block. */
    public interface Archive {
        /** The newest page of the group's archive, oldest first. */
        ArchivePage<GroupIncoming> newestGroupPage(String room, int max) throws Exception;

        /** The page of the group's archive after that archive id, oldest first. */
        ArchivePage<GroupIncoming> groupPageAfter(String room, String afterArchiveId, int max) throws Exception;
    }

    private final DeliveredIds delivered;
    /** room → the newest archive id delivered. */
    private final Map<String, String> cursors = new HashMap<>();
    private final MessagePipeline.Outbox outbox;
    private final Events events;
    private final int pageSize;

    public GroupPipeline(int remembered, MessagePipeline.Outbox outbox, Events events, int pageSize) {
        this.delivered = new DeliveredIds(remembered);
        this.outbox = outbox;
        this.events = events;
        this.pageSize = pageSize;
    }

    /** A stanza from a group's room, live or from its archive. */
    public synchronized void receive(GroupIncoming incoming) {
        String archiveId = incoming.archiveId();
        if (!delivered.first(archiveId)) {
            return;
        }
        if (archiveId != null) {
            cursors.merge(incoming.room(), archiveId, GroupPipeline::newer);
        }
        if (incoming.event() != null) {
            events.event(incoming.event());
            return;
        }
        if (incoming.removal() != null) {
            events.removal(incoming.removal());
            return;
        }
        GroupMessage message = incoming.message();
        if (message == null) {
            return;
        }
        if (!message.outgoing() && archiveId != null) {
            outbox.sendReceipt(incoming.room(), archiveId);
        }
        events.message(message);
    }

    /** The newest archive id delivered of the group, or null when none was. */
    public synchronized String cursor(String room) {
        return cursors.get(room);
    }

    /**
     * Catches up with a group this device just entered: everything after the group's cursor, or (the first time)
     * the newest page. Returns whether it succeeded; a failure is logged, and the next entry tries again.
     */
    public boolean catchUp(String room, Archive archive) {
        try {
            String after = cursor(room);
            if (after == null) {
                archive.newestGroupPage(room, pageSize).messages().forEach(this::receive);
            } else {
                ArchivePaging.forward((id, max) -> archive.groupPageAfter(room, id, max), after, pageSize,
                        this::receive);
            }
            return true;
        } catch (Exception e) {
            LOG.warning("Could not catch up with " + room + ": " + e);
            return false;
        }
    }

    /** Archive ids are numbers that grow with time. */
    private static String newer(String a, String b) {
        return Long.parseUnsignedLong(a) >= Long.parseUnsignedLong(b) ? a : b;
    }
}
