package io.chatapp.plugin.push.openfire;

import io.chatapp.plugin.Feature;
import io.chatapp.plugin.Services;
import io.chatapp.plugin.calls.CallTracker;
import io.chatapp.plugin.config.PushSettings;
import io.chatapp.plugin.groups.GroupService;
import io.chatapp.plugin.openfire.OpenfireFeature;
import io.chatapp.plugin.openfire.OpenfireRegistrations;
import io.chatapp.plugin.openfire.PluginRouting;
import io.chatapp.plugin.push.MissedCallPushes;
import io.chatapp.plugin.push.NotificationPreferences;
import io.chatapp.plugin.push.NotificationsXml;
import io.chatapp.plugin.push.PushDispatcher;
import io.chatapp.plugin.push.PushExecutor;
import io.chatapp.plugin.push.PushFeature;
import io.chatapp.plugin.push.PushRegistrations;
import io.chatapp.plugin.push.PushXml;
import io.chatapp.plugin.push.RoutingGateway;
import io.chatapp.plugin.push.StoryPushes;
import io.chatapp.plugin.push.UnreadCounts;
import io.chatapp.plugin.push.VapidKeys;
import io.chatapp.plugin.push.WebPushGateway;
import io.chatapp.plugin.push.WebPushSubscriptions;
import io.chatapp.plugin.stories.StoryService;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Push on Openfire: {@code urn:xmpp:push:0} advertised on the server and on every account, its enable/disable
 * handler, the preferences IQ, the interceptor that notices notifiable messages and the one that catches the app
 * servers' answers, the call log's missed calls and the stories posted (so the calls and stories features must start
 * before this one).
 */
public final class PushBinding implements OpenfireFeature {

    @Override
    public Feature feature() {
        return new PushFeature();
    }

    @Override
    public void bind(Services services, String domain, OpenfireRegistrations registrations) {
        PushRegistrations devices = services.get(PushRegistrations.class);
        NotificationPreferences preferences = services.get(NotificationPreferences.class);
        PushSettings settings = services.get(PushSettings.class);
        ScheduledExecutorService executor = services.get(PushExecutor.class).executor();
        VapidKeys vapid = services.get(VapidKeys.class);
        PluginRouting routing = new PluginRouting();
        PushAnswers answers = new PushAnswers();
        registrations.intercept(answers);
        PushDispatcher dispatcher = new PushDispatcher(executor, devices, preferences, new OpenfireDeviceSessions(),
                new RoutingGateway(new XmppPushGateway(domain, answers, routing, executor, settings.answerTimeout()),
                        new WebPushGateway(vapid::current, settings.vapidSubject().isEmpty()
                                ? "mailto:postmaster@" + domain : settings.vapidSubject(), executor,
                                Clock.systemUTC())),
                settings, Clock.systemUTC());
        ScheduledFuture<?> cleanup = executor.scheduleWithFixedDelay(dispatcher::forgetIdle, 1, 1, TimeUnit.MINUTES);
        registrations.onClose(() -> cleanup.cancel(false));
        registrations.intercept(new NotificationInterceptor(domain, services.get(GroupService.class), dispatcher));
        registrations.onClose(services.get(CallTracker.class).onMissedCall(new MissedCallPushes(domain, dispatcher)));
        registrations.onClose(services.get(StoryService.class).onPosted(new StoryPushes(domain, dispatcher)));
        registrations.handle(new PushIqHandler(devices, settings, domain, routing));
        registrations.handle(new NotificationsIqHandler(preferences,
                services.get(UnreadCounts.class), new WebPushSubscriptions(devices, vapid, executor,
                        settings.webPushAllowHttp()), domain, routing));
        registrations.serverFeature(PushXml.NAMESPACE);
        registrations.accountFeature(PushXml.NAMESPACE);
        registrations.serverFeature(NotificationsXml.NAMESPACE);
    }
}
