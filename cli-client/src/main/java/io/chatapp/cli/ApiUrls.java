package io.chatapp.cli;

import io.chatapp.client.TlsPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The default address of a server's HTTP API, when none is given: the plugin's own port on the XMPP host. */
final class ApiUrls {

    /** The chat-app plugin's HTTP port unless its operator changed it. */
    static final int DEFAULT_PORT = 9097;

    private ApiUrls() {
    }

    /**
     * {@code https://HOST:9097/} when TLS is required, {@code http://HOST:9097/} without TLS or on this machine
     * (the dev server serves plain HTTP; nothing leaves the machine).
     */
    static URI defaultFor(String host, TlsPolicy tls) {
        boolean local = isLoopback(host);
        String scheme = tls == TlsPolicy.REQUIRED && !local ? "https" : "http";
        String literal = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        try {
            return new URI(scheme + "://" + literal + ":" + DEFAULT_PORT + "/");
        } catch (URISyntaxException e) {
            throw CliException.usage("cannot make an API URL from the server '" + host + "'; give --api-url");
        }
    }

    private static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.startsWith("127.") || name.equals("::1") || name.equals("[::1]");
    }
}
