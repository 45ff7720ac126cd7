package io.chatapp.cli;

import io.chatapp.client.ChatClientConfig;
import io.chatapp.client.TlsPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * An account on a server: where to connect and as whom. No secret: the login's tokens are kept apart, in
 * {@link TokenStore}.
 *
 * @param server             host name or address to connect to
 * @param port               client-to-server port
 * @param domain             XMPP domain (the part after the {@code @})
 * @param trustedCertificate absolute path of a PEM certificate to trust, or {@code null}
 * @param tlsPolicy          whether TLS is required
 * @param username           the user name, as given (a bare name or {@code name@domain})
 * @param apiUrl             the base URL of the server's HTTP API (tokens)
 */
public record Account(String server, int port, String domain, Path trustedCertificate, TlsPolicy tlsPolicy,
                      String username, URI apiUrl) {

    public Account {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(tlsPolicy, "tlsPolicy");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(apiUrl, "apiUrl");
    }

    public Optional<Path> trust() {
        return Optional.ofNullable(trustedCertificate);
    }

    /** The account's address, e.g. {@code alice@example.org}. */
    public String bareJid() {
        return Jids.toBareJid(username, domain);
    }

    /**
     * The client configuration for this account.
     *
     * @param reconnect whether the client reconnects by itself: wanted by long-running commands, not by one-shot
     *                  ones, which should fail instead
     */
    public ChatClientConfig clientConfig(boolean reconnect) {
        ChatClientConfig.Builder builder = ChatClientConfig.builder(domain)
                .host(server)
                .port(port)
                .tlsPolicy(tlsPolicy)
                .apiBaseUrl(apiUrl)
                .automaticReconnect(reconnect);
        trust().ifPresent(builder::trustedCertificate);
        return builder.build();
    }
}
