package io.chatapp.client.internal;

import io.chatapp.client.ChatClientException;
import io.chatapp.client.MessageInfo;
import io.chatapp.client.MessageStatus;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a client does after each new session (a login or a reconnection whose stream was not resumed), so that
 * nothing that happened while it was away is lost:
 *
 * <ol>
 *   <li>catch-up: pages the archive forward from the cursor until complete ({@link ArchivePaging}), handing
 *       each message to the {@link MessagePipeline} (which holds live messages back meanwhile), then asks for
 *       this account's read marks, reported as "read elsewhere";</li>
 *   <li>status refresh: asks the server's message info for each sent message not yet read, so a sender who was
 *       offline when a receipt or marker was sent still learns of it.</li>
 * </ol>
 */
public final class Resync {

    private static final Logger LOG = Logger.getLogger(Resync.class.getName());
    /** At most this many of the newest unread sent messages are asked about after a reconnection. */
    static final int REFRESHED_MESSAGES = 1000;

    /** The server's side of a resync. Calls block; failures are {@link ChatClientException}s. */
    public interface Server {
        /** The page of this account's archive after that archive id, oldest first. */
        ArchivePage<Incoming> pageAfter(String afterArchiveId, int max) throws Exception;

        /** The newest read position per conversation, as this account's devices marked them. */
        List<ReadMark> readMarks() throws Exception;

        /** The server's record of a message this account sent. */
        MessageInfo messageInfo(String messageId) throws Exception;
    }

    /** This account read the conversation with {@code peer} up to the message with that archive id. */
    public record ReadMark(String peer, String archiveId) {
    }

    private final Server server;
    private final MessagePipeline pipeline;
    private final StatusTracker tracker;
    private final MessagePipeline.Events events;
    private final int pageSize;

    public Resync(Server server, MessagePipeline pipeline, StatusTracker tracker, MessagePipeline.Events events,
                  int pageSize) {
        this.server = server;
        this.pipeline = pipeline;
        this.tracker = tracker;
        this.events = events;
        this.pageSize = pageSize;
    }

    /**
     * Catches up from {@code cursor}, for the catch-up {@code token} the pipeline gave when it started holding
     * live messages; always ends that catch-up. Returns whether it succeeded.
     */
    public boolean catchUp(long token, String cursor) {
        return catchUp(token, cursor, () -> false);
    }

    /**
     * As {@link #catchUp(long, String)}, except that a failure for which {@code keepHolding} says true (the
     * connection dropped) leaves the catch-up open: live messages stay held for the next attempt.
     */
    public boolean catchUp(long token, String cursor, java.util.function.BooleanSupplier keepHolding) {
        boolean succeeded = false;
        boolean abandoned = false;
        try {
            ArchivePaging.forward(server::pageAfter, cursor, pageSize, message -> pipeline.archived(token, message));
            for (ReadMark mark : server.readMarks()) {
                events.readElsewhere(mark.peer(), null, mark.archiveId());
            }
            succeeded = true;
        } catch (Exception e) {
            abandoned = keepHolding.getAsBoolean();
            LOG.log(abandoned ? Level.FINE : Level.WARNING,
                    "Catching up from the archive failed; the next session retries", e);
        } finally {
            if (!abandoned) {
                pipeline.finishCatchUp(token, succeeded);
            }
        }
        return succeeded;
    }

    /** Asks about the sent messages not yet read (the newest ones) and applies what the server recorded. */
    public void refreshStatuses() {
        List<StatusTracker.Pending> notRead = tracker.notRead();
        if (notRead.size() > REFRESHED_MESSAGES) {
            notRead = notRead.subList(notRead.size() - REFRESHED_MESSAGES, notRead.size());
        }
        for (StatusTracker.Pending pending : notRead) {
            MessageInfo info;
            try {
                info = server.messageInfo(pending.messageId());
            } catch (ChatClientException e) {
                if (e.reason() == ChatClientException.Reason.NOT_FOUND
                        || e.reason() == ChatClientException.Reason.NOT_ALLOWED) {
                    continue; // not (yet) known to the server, or not ours: nothing to learn
                }
                LOG.log(Level.FINE, "Refreshing message statuses stopped", e);
                return;
            } catch (Exception e) {
                LOG.log(Level.FINE, "Refreshing message statuses stopped", e);
                return;
            }
            MessageStatus best = MessageStatus.SENT;
            for (MessageInfo.Recipient recipient : info.recipients()) {
                if (recipient.status().compareTo(best) > 0) {
                    best = recipient.status();
                }
            }
            tracker.advance(pending.messageId(), MessageStatus.SENT);
            if (best != MessageStatus.SENT) {
                tracker.advance(pending.messageId(), best);
            }
        }
    }
}
