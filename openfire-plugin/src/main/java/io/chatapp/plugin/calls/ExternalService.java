package io.chatapp.plugin.calls;

import java.time.Instant;
import java.util.Optional;

/**
 * One service of a XEP-0215 answer: a STUN or TURN server with, for TURN, the requester's credential.
 *
 * @param type      {@code stun} or {@code turn}
 * @param transport {@code udp} or {@code tcp}
 */
public record ExternalService(String type, String host, int port, String transport,
                              Optional<TurnCredentials.Credential> credential) {

    public Optional<Instant> expires() {
        return credential.map(TurnCredentials.Credential::expires);
    }
}
