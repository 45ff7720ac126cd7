package io.chatapp.plugin;

import io.chatapp.plugin.auth.Accounts;
import io.chatapp.plugin.config.Settings;
import io.chatapp.plugin.http.HttpApiServer;
import io.chatapp.plugin.http.JsonRequests;
import io.chatapp.plugin.storage.Database;
import java.time.Clock;

/**
 * What a starting feature is given: the settings, the shared parts every feature uses (database, scheduler, HTTP
 * server for its routes), the services of the features started before it, and the closer its parts go on.
 */
public record FeatureContext(Settings settings, String nodeId, String version, Accounts accounts, Database database,
                             Clock clock, Jobs jobs, HttpApiServer http, JsonRequests json, Services services,
                             Closer closer) {

    /** The XMPP domain of this server. */
    public String domain() {
        return accounts.domain();
    }
}
