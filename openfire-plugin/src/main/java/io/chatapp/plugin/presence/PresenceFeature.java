package io.chatapp.plugin.presence;

import io.chatapp.plugin.Feature;
import io.chatapp.plugin.FeatureContext;
import io.chatapp.plugin.accounts.AccountService;
import io.chatapp.plugin.archive.MessageArchive;
import java.time.Duration;

/**
 * Last seen (with its privacy choice) and chat states. Provides {@link LastSeenService}; a deleted account's record
 * goes with it. Its Openfire binding ({@code presence.openfire}) notes offline times, answers XEP-0012 and the
 * visibility IQ, and drops chat states to offline users.
 */
public final class PresenceFeature implements Feature {

    @Override
    public String name() {
        return "presence";
    }

    @Override
    public void start(FeatureContext context) throws Exception {
        LastSeenService lastSeen = new LastSeenService(context.database().dataSource(),
                context.settings().lastSeenDefault(), context.services().get(MessageArchive.class).queries(),
                context.clock());
        lastSeen.reload();
        context.closer().onClose(lastSeen::flush);
        context.jobs().every(Duration.ofSeconds(5), "record last seen", lastSeen::flush);
        context.jobs().every(Duration.ofSeconds(10), "reload last-seen visibility", lastSeen::reload);
        context.services().get(AccountService.class).onDeletion(lastSeen::remove);
        context.services().provide(LastSeenService.class, lastSeen);
    }
}
