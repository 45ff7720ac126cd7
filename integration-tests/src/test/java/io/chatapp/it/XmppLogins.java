package io.chatapp.it;

import io.chatapp.devserver.DevServer;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;

/** Plain Smack connections for one SASL mechanism, to see exactly what the server does at login. */
final class XmppLogins {

    private XmppLogins() {
    }

    /** A connection that logs in with a password over SCRAM-SHA-1, as standard clients do. */
    static XMPPTCPConnection password(DevServer server) {
        return connection(server, "SCRAM-SHA-1");
    }

    /** A connection that logs in with an access token over X-OAUTH2. */
    static XMPPTCPConnection token(DevServer server) {
        return connection(server, "X-OAUTH2");
    }

    /**
     * Returns once the server has processed the connection's initial presence (a ping round trip after it): only
     * then does Openfire list the session among the user's sessions.
     */
    static void awaitOnline(XMPPTCPConnection connection) throws Exception {
        org.jivesoftware.smackx.ping.PingManager.getInstanceFor(connection).ping(connection.getXMPPServiceDomain());
    }

    private static XMPPTCPConnection connection(DevServer server, String mechanism) {
        try {
            return new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                    .setXmppDomain(server.domain())
                    .setHost("127.0.0.1")
                    .setPort(server.xmppPort())
                    // TLS is covered by the messaging tests; here the login mechanism is what matters.
                    .setSecurityMode(SecurityMode.disabled)
                    .addEnabledSaslMechanism(mechanism)
                    .build());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
