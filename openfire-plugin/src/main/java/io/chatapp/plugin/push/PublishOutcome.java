package io.chatapp.plugin.push;

/** How an app server answered a publish. */
public enum PublishOutcome {
    /** Accepted. */
    DELIVERED,
    /** An error that means the registration is gone (unknown node, refused secret…): the device is disabled. */
    GONE,
    /** No answer in time or a passing error: worth retrying later. */
    FAILED
}
