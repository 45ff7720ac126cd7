package io.chatapp.plugin.push;

import io.chatapp.plugin.Feature;
import io.chatapp.plugin.FeatureContext;
import io.chatapp.plugin.accounts.AccountService;
import io.chatapp.plugin.archive.ArchiveIds;
import io.chatapp.plugin.archive.MessageArchive;
import io.chatapp.plugin.concurrent.DaemonThreads;
import io.chatapp.plugin.groups.GroupMember;
import io.chatapp.plugin.groups.GroupService;
import io.chatapp.plugin.receipts.ReceiptRecorder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Push notifications (XEP-0357). Provides {@link PushRegistrations}, {@link NotificationPreferences} and the
 * {@link PushExecutor} its binding builds the dispatcher on (the gateway and the session check are Openfire's). A
 * deleted account's registrations and preferences go with it.
 */
public final class PushFeature implements Feature {

    @Override
    public String name() {
        return "push";
    }

    @Override
    public void start(FeatureContext context) throws Exception {
        ScheduledExecutorService executor = Executors.newScheduledThreadPool(2,
                DaemonThreads.numbered("chatapp-push-"));
        context.closer().onClose(() -> {
            executor.shutdownNow();
            executor.awaitTermination(5, TimeUnit.SECONDS);
        });
        var settings = context.settings().push();
        PushRegistrations registrations = new PushRegistrations(context.database().dataSource(), executor,
                context.clock(), settings.maxDevicesPerUser());
        registrations.reload();
        NotificationPreferences preferences = new NotificationPreferences(context.database().dataSource(), executor,
                context.clock(), settings.previewsDefault());
        preferences.reload();
        context.jobs().every(Duration.ofSeconds(15), "reload push registrations", registrations::reload);
        context.jobs().every(Duration.ofSeconds(15), "reload notification preferences", preferences::reload);
        context.services().get(AccountService.class).onDeletion(username -> {
            registrations.removeAccount(username);
            preferences.removeAccount(username);
        });
        MessageArchive archive = context.services().get(MessageArchive.class);
        ReceiptRecorder receipts = context.services().get(ReceiptRecorder.class);
        GroupService groups = context.services().get(GroupService.class);
        context.services().provide(UnreadCounts.class, new UnreadCounts(context.database().dataSource(), executor,
                () -> CompletableFuture.allOf(archive.flushed(), receipts.flushed()),
                user -> groupsSince(groups, user)));
        context.services().provide(VapidKeys.class, new VapidKeys(context.database().dataSource(), context.clock()));
        context.services().provide(PushRegistrations.class, registrations);
        context.services().provide(NotificationPreferences.class, preferences);
        context.services().provide(io.chatapp.plugin.config.PushSettings.class, settings);
        context.services().provide(PushExecutor.class, new PushExecutor(executor));
    }

    /** The user's groups now, each with the first archive id of the history they see (from their joining). */
    private static Map<String, Long> groupsSince(GroupService groups, String user) {
        Map<String, Long> since = new LinkedHashMap<>();
        groups.groupsOf(user).forEach(group -> group.members().stream().filter(m -> m.jid().equals(user))
                .map(GroupMember::joinedAt).findFirst()
                .ifPresent(joined -> since.put(group.room(), ArchiveIds.lowestAt(joined))));
        return since;
    }
}
