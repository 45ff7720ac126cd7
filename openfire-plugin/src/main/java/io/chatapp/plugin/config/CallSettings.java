package io.chatapp.plugin.config;

import java.time.Duration;
import java.util.List;

/**
 * Calls: the STUN/TURN services offered through XEP-0215 and the call log's limits. Its properties are declared here
 * (like {@link S3Settings}'s) and documented in docs/configuration.md.
 *
 * @param turnHost           the TURN server's host name or address; empty offers no TURN
 * @param turnPort           its port
 * @param turnTcp            whether TURN over TCP is offered besides UDP (same host and port)
 * @param turnSecret         the TURN REST API's shared secret (coturn's {@code static-auth-secret}); empty offers no
 *                           TURN; never logged
 * @param credentialLifetime how long a TURN credential handed out stays valid
 * @param stunHost           the STUN server's host; empty means the TURN host (and no STUN when that is empty too)
 * @param stunPort           its port
 * @param ringTimeout        how long an unanswered call rings before the log counts it as missed
 * @param maxPageSize        most entries one call log page holds
 */
public record CallSettings(String turnHost, int turnPort, boolean turnTcp, String turnSecret,
                           Duration credentialLifetime, String stunHost, int stunPort, Duration ringTimeout,
                           int maxPageSize) {

    public static final Setting<String> TURN_HOST = Setting.string("chatapp.calls.turn.host", "",
            "Host name or address of the TURN server offered to clients through XEP-0215; empty offers none.");
    public static final Setting<Integer> TURN_PORT = Setting.integer("chatapp.calls.turn.port", 3478, 1, 65_535,
            "Port of the TURN server.");
    public static final Setting<Boolean> TURN_TCP = Setting.bool("chatapp.calls.turn.tcp", false,
            "Whether TURN over TCP (same host and port) is offered besides TURN over UDP.");
    public static final Setting<String> TURN_SECRET = Setting.string("chatapp.calls.turn.secret", "",
            "Shared secret of the TURN REST API scheme (coturn's static-auth-secret with use-auth-secret); empty"
                    + " offers no TURN. Never logged.");
    public static final Setting<Integer> TURN_CREDENTIAL_LIFETIME = Setting.integer(
            "chatapp.calls.turn.credentialLifetimeSeconds", 86_400, 60, 31_536_000,
            "How long a TURN credential handed out stays valid.");
    public static final Setting<String> STUN_HOST = Setting.string("chatapp.calls.stun.host", "",
            "Host of the STUN server offered through XEP-0215; empty means the TURN host.");
    public static final Setting<Integer> STUN_PORT = Setting.integer("chatapp.calls.stun.port", 0, 0, 65_535,
            "Port of the STUN server; 0 means the TURN port.");
    public static final Setting<Integer> RING_TIMEOUT = Setting.integer("chatapp.calls.ringTimeoutSeconds", 120, 10,
            3_600, "How long a proposed call rings unanswered, with neither side ending it, before the call log"
                    + " counts it as missed.");
    public static final Setting<Integer> MAX_PAGE_SIZE = Setting.integer("chatapp.calls.maxPageSize", 100, 1, 1_000,
            "Most entries one page of the call log holds (a larger request gets this many).");

    public static final List<Setting<?>> ALL = List.of(TURN_HOST, TURN_PORT, TURN_TCP, TURN_SECRET,
            TURN_CREDENTIAL_LIFETIME, STUN_HOST, STUN_PORT, RING_TIMEOUT, MAX_PAGE_SIZE);

    /** The defaults: no STUN or TURN offered. */
    public static CallSettings defaults() {
        return read(name -> null);
    }

    static CallSettings read(SettingsSource source) {
        String turnHost = TURN_HOST.read(source).trim();
        int turnPort = TURN_PORT.read(source);
        String stunHost = STUN_HOST.read(source).trim();
        int stunPort = STUN_PORT.read(source);
        return new CallSettings(turnHost, turnPort, TURN_TCP.read(source), TURN_SECRET.read(source),
                Duration.ofSeconds(TURN_CREDENTIAL_LIFETIME.read(source)), stunHost.isEmpty() ? turnHost : stunHost,
                stunPort == 0 ? turnPort : stunPort, Duration.ofSeconds(RING_TIMEOUT.read(source)),
                MAX_PAGE_SIZE.read(source));
    }

    /** True when TURN is offered: a host and a secret. */
    public boolean offersTurn() {
        return !turnHost.isEmpty() && !turnSecret.isEmpty();
    }

    /** Never print the secret. */
    @Override
    public String toString() {
        return "CallSettings[turnHost=" + turnHost + ", turnPort=" + turnPort + ", turnTcp=" + turnTcp
                + ", turnSecret=" + (turnSecret.isEmpty() ? "(none)" : "(set)") + ", credentialLifetime="
                + credentialLifetime + ", stunHost=" + stunHost + ", stunPort=" + stunPort + ", ringTimeout="
                + ringTimeout + ", maxPageSize=" + maxPageSize + "]";
    }
}
