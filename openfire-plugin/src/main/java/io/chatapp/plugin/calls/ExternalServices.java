package io.chatapp.plugin.calls;

import io.chatapp.plugin.config.CallSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The STUN and TURN services this server offers (XEP-0215), as the settings name them: STUN when a STUN (or TURN)
 * host is set; TURN over UDP (and TCP when enabled) when a TURN host and secret are set, each with a fresh credential
 * for the requester that lasts the configured lifetime.
 */
public final class ExternalServices {

    private final CallSettings settings;
    private final Optional<TurnCredentials> credentials;
    private final Clock clock;

    public ExternalServices(CallSettings settings, Clock clock) {
        this.settings = settings;
        this.credentials = settings.offersTurn() ? Optional.of(new TurnCredentials(settings.turnSecret()))
                : Optional.empty();
        this.clock = clock;
    }

    /** The services for {@code user} (a bare JID), only those of {@code type} when it is not null. */
    public List<ExternalService> servicesFor(String user, String type) {
        List<ExternalService> services = new ArrayList<>();
        if (!settings.stunHost().isEmpty() && (type == null || type.equals("stun"))) {
            services.add(new ExternalService("stun", settings.stunHost(), settings.stunPort(), "udp",
                    Optional.empty()));
        }
        if (credentials.isPresent() && (type == null || type.equals("turn"))) {
            TurnCredentials.Credential credential = credentials.get().issue(user,
                    clock.instant().plus(settings.credentialLifetime()));
            services.add(new ExternalService("turn", settings.turnHost(), settings.turnPort(), "udp",
                    Optional.of(credential)));
            if (settings.turnTcp()) {
                services.add(new ExternalService("turn", settings.turnHost(), settings.turnPort(), "tcp",
                        Optional.of(credential)));
            }
        }
        return services;
    }
}
