package io.chatapp.client;

import io.chatapp.client.internal.xmpp.calls.CallLogRequests;
import java.util.concurrent.CompletableFuture;

/**
 * This account's call log as the server keeps it ({@link ChatClient#callLog()}, {@code urn:chatapp:calls:0}): every
 * call placed or received on any device, from any client (the server reads the calls' XEP-0353 signalling), newest
 * first, with how each went and how long it lasted. A call missed while offline is there at the next login, marked
 * unseen until {@link #markMissedSeen()}.
 *
 * <pre>{@code
 * CallLogPage page = client.callLog().page(20, null).join();
 * System.out.println(page.unseenMissed() + " missed calls");
 * client.callLog().markMissedSeen().join();
 * }</pre>
 */
public final class CallLog {

    private final ClientContext context;
    private final CallLogRequests requests;

    CallLog(ClientContext context) {
        this.context = context;
        this.requests = new CallLogRequests(context::connection);
    }

    /**
     * Up to {@code max} entries, newest first: the newest when {@code after} is null, else those older than the
     * entry with that id (the previous page's last). The server caps {@code max} at its page size.
     */
    public CompletableFuture<CallLogPage> page(int max, String after) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative");
        }
        return context.call(() -> {
            context.requireSession();
            return requests.page(max, after);
        });
    }

    /** How many missed calls this account has not marked seen. */
    public CompletableFuture<Integer> unseenMissedCount() {
        return page(0, null).thenApply(CallLogPage::unseenMissed);
    }

    /** Marks every missed call seen, on every device. */
    public CompletableFuture<Void> markMissedSeen() {
        return context.run(() -> {
            context.requireSession();
            requests.markMissedSeen();
        });
    }
}
