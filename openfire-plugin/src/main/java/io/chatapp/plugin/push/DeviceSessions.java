package io.chatapp.plugin.push;

/** Whether a device has a live session now; answered from the server's memory, on any thread. */
@FunctionalInterface
public interface DeviceSessions {

    /**
     * True when the user has a session on that resource that is not detached (a XEP-0198 session waiting for its
     * client to resume is not connected: the device is asleep and needs the push).
     */
    boolean connected(String username, String resource);
}
