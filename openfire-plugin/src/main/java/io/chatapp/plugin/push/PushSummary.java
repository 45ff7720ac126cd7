package io.chatapp.plugin.push;

/**
 * What one publish tells the app server (XEP-0357's {@code urn:xmpp:push:summary} form).
 *
 * @param messageCount how many notifications this publish stands for (those batched since the device's last push)
 * @param lastSender   the sender of the latest one
 * @param lastBody     its text, null unless the user allows previews and it has one
 * @param urgent       whether any of them is urgent (an incoming call)
 * @param missedCalls  how many of them are missed calls
 * @param stories      how many of them are stories posted by contacts
 */
public record PushSummary(int messageCount, String lastSender, String lastBody, boolean urgent, int missedCalls,
                          int stories) {

    /** A summary without stories. */
    public PushSummary(int messageCount, String lastSender, String lastBody, boolean urgent, int missedCalls) {
        this(messageCount, lastSender, lastBody, urgent, missedCalls, 0);
    }

    /** A summary without missed calls. */
    public PushSummary(int messageCount, String lastSender, String lastBody, boolean urgent) {
        this(messageCount, lastSender, lastBody, urgent, 0);
    }

    /**
     * What the notifications are, for a push service that shows it: a call, only missed calls, only stories, or
     * messages.
     */
    public String kind() {
        if (urgent) {
            return "call";
        }
        if (missedCalls > 0 && missedCalls == messageCount) {
            return "missed-call";
        }
        return stories > 0 && stories == messageCount ? "story" : "message";
    }
}
