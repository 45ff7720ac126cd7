package io.chatapp.plugin.push;

/**
 * What a notification is about; a call is urgent (the phone must ring now), a missed call is not (it is told once the
 * call has ended unanswered, from the call log's {@code MissedCallListener}); a story is a contact's new status story
 * (from the stories' {@code StoryPostListener}), told only to users who turned story pushes on.
 */
public enum NotificationKind {
    MESSAGE,
    GROUP_MESSAGE,
    CALL,
    MISSED_CALL,
    STORY;

    public boolean urgent() {
        return this == CALL;
    }

    /** Calls reach a user whatever their mutes say: a call is answered now or missed. */
    public boolean aboutACall() {
        return this == CALL || this == MISSED_CALL;
    }
}
