package io.chatapp.plugin.push.openfire;

import io.chatapp.plugin.push.DeviceSessions;
import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.session.ClientSession;
import org.jivesoftware.openfire.session.LocalSession;

/**
 * A device is connected when the user has a session on its resource that is not detached. Openfire keeps a XEP-0198
 * session whose connection dropped, waiting for its client to resume it, among the user's sessions (4.2 and 5.x);
 * {@code LocalSession.isDetached()} tells it apart, and exists with the same signature in 4.2.0 and 5.2 (checked
 * with javap). A session on another cluster node is no {@code LocalSession} and counts as connected.
 */
final class OpenfireDeviceSessions implements DeviceSessions {

    @Override
    public boolean connected(String username, String resource) {
        for (ClientSession session : XMPPServer.getInstance().getSessionManager().getSessions(username)) {
            if (resource.equals(session.getAddress().getResource())) {
                return !(session instanceof LocalSession local) || !local.isDetached();
            }
        }
        return false;
    }
}
