package io.chatapp.plugin.config;

import java.time.Duration;

/**
 * What a client of the plugin's HTTP server may hold, and for how long (see {@link Settings} for the properties and
 * docs/security.md for the rules they enforce).
 *
 * @param headerTimeout            a request line and its headers must arrive within this, from their first byte
 * @param bodyIdleTimeout          longest wait for the next byte of a request body, or for the client to take the
 *                                 next bytes of a response; a slow but steady transfer may take as long as it needs
 * @param keepAliveTimeout         an idle kept-alive connection is closed after this
 * @param maxHeaderBytes           largest request line plus headers; larger ones get 431
 * @param maxConnectionsPerAddress open connections one client address may have; more are refused with 503
 * @param maxConnections           open connections the server accepts in all; more are refused with 503
 */
public record HttpLimits(Duration headerTimeout, Duration bodyIdleTimeout, Duration keepAliveTimeout,
                         int maxHeaderBytes, int maxConnectionsPerAddress, int maxConnections) {

    public HttpLimits {
        if (headerTimeout.isNegative() || headerTimeout.isZero() || bodyIdleTimeout.isNegative()
                || bodyIdleTimeout.isZero() || keepAliveTimeout.isNegative() || keepAliveTimeout.isZero()
                || maxHeaderBytes < 256 || maxConnectionsPerAddress < 1 || maxConnections < 1) {
            throw new IllegalArgumentException("HTTP limits must be positive (and headers at least 256 bytes)");
        }
    }

    /** The defaults of the properties. */
    public static HttpLimits defaults() {
        return new HttpLimits(Duration.ofSeconds(Settings.HTTP_HEADER_TIMEOUT.defaultValue()),
                Duration.ofSeconds(Settings.HTTP_BODY_IDLE_TIMEOUT.defaultValue()),
                Duration.ofSeconds(Settings.HTTP_KEEP_ALIVE_TIMEOUT.defaultValue()),
                Settings.HTTP_MAX_HEADER_BYTES.defaultValue(), Settings.HTTP_MAX_CONNECTIONS_PER_ADDRESS.defaultValue(),
                Settings.HTTP_MAX_CONNECTIONS.defaultValue());
    }

    static HttpLimits read(SettingsSource source) {
        return new HttpLimits(Duration.ofSeconds(Settings.HTTP_HEADER_TIMEOUT.read(source)),
                Duration.ofSeconds(Settings.HTTP_BODY_IDLE_TIMEOUT.read(source)),
                Duration.ofSeconds(Settings.HTTP_KEEP_ALIVE_TIMEOUT.read(source)),
                Settings.HTTP_MAX_HEADER_BYTES.read(source), Settings.HTTP_MAX_CONNECTIONS_PER_ADDRESS.read(source),
                Settings.HTTP_MAX_CONNECTIONS.read(source));
    }
}
