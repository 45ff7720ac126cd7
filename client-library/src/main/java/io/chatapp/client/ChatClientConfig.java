package io.chatapp.client;

import io.chatapp.client.internal.ApiUrls;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable settings of a {@link ChatClient}: which server to reach and how. Build with {@link #builder(String)}.
 */
public final class ChatClientConfig {

    private final String domain;
    private final String host;
    private final int port;
    private final TlsPolicy tlsPolicy;
    private final Path trustedCertificate;
    private final String resource;
    private final Duration replyTimeout;
    private final boolean automaticReconnect;
    private final Duration reconnectDelay;
    private final URI apiBaseUrl;
    private final TokenMechanism tokenMechanism;
    private final String groupService;
    private final boolean relayOnlyCalls;

    private ChatClientConfig(Builder builder) {
        this.domain = builder.domain;
        this.host = builder.host == null ? builder.domain : builder.host;
        this.port = builder.port;
        this.tlsPolicy = builder.tlsPolicy;
        this.trustedCertificate = builder.trustedCertificate;
        this.resource = builder.resource;
        this.replyTimeout = builder.replyTimeout;
        this.automaticReconnect = builder.automaticReconnect;
        this.reconnectDelay = builder.reconnectDelay;
        this.apiBaseUrl = builder.apiBaseUrl;
        this.tokenMechanism = builder.tokenMechanism;
        this.groupService = builder.groupService;
        this.relayOnlyCalls = builder.relayOnlyCalls;
    }

    /** Starts a configuration for the given XMPP domain (the part after the {@code @} in addresses). */
    public static Builder builder(String domain) {
        return new Builder(domain);
    }

    /** The XMPP domain. */
    public String domain() {
        return domain;
    }

    /** The host name or IP address to connect to; the domain unless set. */
    public String host() {
        return host;
    }

    /** The client-to-server port; 5222 unless set. */
    public int port() {
        return port;
    }

    public TlsPolicy tlsPolicy() {
        return tlsPolicy;
    }

    /** A PEM certificate to trust in addition to the system's trust store (e.g. a self-signed server's). */
    public Optional<Path> trustedCertificate() {
        return Optional.ofNullable(trustedCertificate);
    }

    /** The XMPP resource of this client's connection; the server assigns one when empty. */
    public Optional<String> resource() {
        return Optional.ofNullable(resource);
    }

    /** How long to wait for the server to answer a request. */
    public Duration replyTimeout() {
        return replyTimeout;
    }

    /** Whether the client reconnects (and resumes its stream) by itself after losing the connection. */
    public boolean automaticReconnect() {
        return automaticReconnect;
    }

    /** Whether calls send media only through the server's TURN relay (hiding this device's addresses). */
    public boolean relayOnlyCalls() {
        return relayOnlyCalls;
    }

    /**
     * A fixed delay between reconnection attempts; empty (the default) for a random, increasing delay, which keeps
     * many clients from reconnecting at the same moment after a server restart.
     */
    public Optional<Duration> reconnectDelay() {
        return Optional.ofNullable(reconnectDelay);
    }

    /**
     * Where the server's HTTP API lives (e.g. {@code https://chat.example.org/}), always ending in {@code /}: the
     * token routes are resolved against it. Needed by {@link TokenClient} and {@link ChatClient#loginWithToken}.
     */
    public Optional<URI> apiBaseUrl() {
        return Optional.ofNullable(apiBaseUrl);
    }

    /** How a token login presents the access token over XMPP; {@link TokenMechanism#OAUTHBEARER} unless set. */
    public TokenMechanism tokenMechanism() {
        return tokenMechanism;
    }

    /**
     * The subdomain of the server's group (MUC) service when set (the server's {@code chatapp.groups.service});
     * empty by default: the client then finds the service by service discovery (the MUC service whose disco#info
     * lists {@code urn:chatapp:groups:0}).
     */
    public Optional<String> groupService() {
        return Optional.ofNullable(groupService);
    }

    /** A copy of this configuration with a different resource. */
    public ChatClientConfig withResource(String newResource) {
        return toBuilder().resource(newResource).build();
    }

    public Builder toBuilder() {
        Builder builder = new Builder(domain).host(host).port(port).tlsPolicy(tlsPolicy)
                .replyTimeout(replyTimeout).automaticReconnect(automaticReconnect);
        builder.trustedCertificate = trustedCertificate;
        builder.resource = resource;
        builder.reconnectDelay = reconnectDelay;
        builder.apiBaseUrl = apiBaseUrl;
        builder.tokenMechanism = tokenMechanism;
        builder.groupService = groupService;
        builder.relayOnlyCalls = relayOnlyCalls;
        return builder;
    }

    @Override
    public String toString() {
        return "ChatClientConfig[domain=" + domain + ", host=" + host + ", port=" + port + ", tls=" + tlsPolicy + "]";
    }

    /** Builds a {@link ChatClientConfig}. */
    public static final class Builder {

        private final String domain;
        private String host;
        private int port = 5222;
        private TlsPolicy tlsPolicy = TlsPolicy.REQUIRED;
        private Path trustedCertificate;
        private String resource;
        private Duration replyTimeout = Duration.ofSeconds(10);
        private boolean automaticReconnect = true;
        private Duration reconnectDelay;
        private URI apiBaseUrl;
        private TokenMechanism tokenMechanism = TokenMechanism.OAUTHBEARER;
        private String groupService;
        private boolean relayOnlyCalls;

        private Builder(String domain) {
            if (domain == null || domain.isBlank()) {
                throw new IllegalArgumentException("domain must not be empty");
            }
            this.domain = domain;
        }

        public Builder host(String value) {
            this.host = Objects.requireNonNull(value, "host");
            return this;
        }

        public Builder port(int value) {
            if (value < 1 || value > 65535) {
                throw new IllegalArgumentException("port must be between 1 and 65535");
            }
            this.port = value;
            return this;
        }

        public Builder tlsPolicy(TlsPolicy value) {
            this.tlsPolicy = Objects.requireNonNull(value, "tlsPolicy");
            return this;
        }

        public Builder trustedCertificate(Path pemFile) {
            this.trustedCertificate = Objects.requireNonNull(pemFile, "pemFile");
            return this;
        }

        public Builder resource(String value) {
            this.resource = value;
            return this;
        }

        public Builder replyTimeout(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("replyTimeout must be positive");
            }
            this.replyTimeout = value;
            return this;
        }

        public Builder automaticReconnect(boolean value) {
            this.automaticReconnect = value;
            return this;
        }

        /**
         * Calls use only relayed ICE candidates (the server's TURN service, XEP-0215), so the peer never learns this
         * device's addresses; off by default. A server without TURN then connects no call.
         */
        public Builder relayOnlyCalls(boolean value) {
            this.relayOnlyCalls = value;
            return this;
        }

        /** Reconnect after this fixed delay (whole seconds, at least one) instead of a random, increasing one. */
        public Builder reconnectDelay(Duration value) {
            if (value.toSeconds() < 1) {
                throw new IllegalArgumentException("reconnectDelay must be at least one second");
            }
            this.reconnectDelay = value;
            return this;
        }

        /**
         * The base URL of the server's HTTP API: {@code http} or {@code https}, with a host, without query or
         * fragment. With {@link TlsPolicy#REQUIRED} (the default) it must be {@code https}, except to this machine
         * ({@code localhost} or a loopback address), where nothing travels over a network. An {@code https} API is
         * trusted like the XMPP server: the system's authorities plus {@link #trustedCertificate}.
         */
        public Builder apiBaseUrl(URI value) {
            this.apiBaseUrl = ApiUrls.normalize(Objects.requireNonNull(value, "apiBaseUrl"));
            return this;
        }

        /**
         * The subdomain of the server's group service (the server's {@code chatapp.groups.service}), instead of
         * finding it by service discovery.
         */
        public Builder groupService(String value) {
            if (value == null || value.isBlank() || value.contains(".") || value.contains("@")) {
                throw new IllegalArgumentException("groupService must be a subdomain label, e.g. groups");
            }
            this.groupService = value;
            return this;
        }

        public Builder tokenMechanism(TokenMechanism value) {
            this.tokenMechanism = Objects.requireNonNull(value, "tokenMechanism");
            return this;
        }

        public ChatClientConfig build() {
            if (apiBaseUrl != null && tlsPolicy == TlsPolicy.REQUIRED && !ApiUrls.isEncryptedOrLocal(apiBaseUrl)) {
                throw new IllegalArgumentException("apiBaseUrl must use https when TLS is required (plain http is "
                        + "allowed only to this machine): " + apiBaseUrl);
            }
            return new ChatClientConfig(this);
        }
    }
}
