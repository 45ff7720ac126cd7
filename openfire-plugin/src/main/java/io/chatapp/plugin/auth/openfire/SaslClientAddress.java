package io.chatapp.plugin.auth.openfire;

import java.net.UnknownHostException;
import java.util.Map;
import org.jivesoftware.openfire.session.Session;

/**
 * The client's IP address during SASL. Openfire passes the client's session among the properties it gives
 * {@code Sasl.createSaslServer}; it is found by type rather than by key, as the key is an internal class name.
 */
public final class SaslClientAddress {

    private SaslClientAddress() {
    }

    public static String of(Map<String, ?> props) {
        if (props == null) {
            return null;
        }
        for (Object value : props.values()) {
            if (value instanceof Session session) {
                try {
                    return session.getHostAddress();
                } catch (UnknownHostException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
