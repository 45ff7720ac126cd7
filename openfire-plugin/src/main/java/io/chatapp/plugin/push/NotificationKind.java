package io.chatapp.plugin.push;

/** What a notification is about; a call is urgent (the phone must ring now). */
public enum NotificationKind {
    MESSAGE,
    GROUP_MESSAGE,
    CALL;

    public boolean urgent() {
        return this == CALL;
    }
}
