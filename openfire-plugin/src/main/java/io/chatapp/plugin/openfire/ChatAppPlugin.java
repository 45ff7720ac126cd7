package io.chatapp.plugin.openfire;

import io.chatapp.plugin.ChatAppServer;
import io.chatapp.plugin.auth.GuardedSaslProvider;
import io.chatapp.plugin.auth.TokenSaslProvider;
import io.chatapp.plugin.config.Settings;
import java.io.File;
import java.security.Security;
import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.container.Plugin;
import org.jivesoftware.openfire.container.PluginManager;
import org.jivesoftware.openfire.interceptor.InterceptorManager;
import org.jivesoftware.openfire.net.SASLAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Openfire entry point: a thin adapter that reads settings from Openfire and starts {@link ChatAppServer}.
 * {@link #destroyPlugin()} undoes exactly what {@link #initializePlugin} did, in reverse order.
 *
 * <p>Only the portable Openfire API listed in docs/architecture.md may be used in this package.
 */
public final class ChatAppPlugin implements Plugin {

    private static final Logger LOG = LoggerFactory.getLogger(ChatAppPlugin.class);

    private ChatAppServer server;
    private TokenSaslProvider saslProvider;
    private GuardedSaslProvider guardProvider;
    private InBandRegistrationGuard registrationGuard;
    private DisabledAccountEnforcer disabledAccounts;
    private MessagingAdapter messaging;
    private MediaAdapter media;
    private GroupsAdapter groups;

    @Override
    public void initializePlugin(PluginManager manager, File pluginDirectory) {
        try {
            // The plugin lives in <openfire home>/plugins/<name>: the local media store defaults to the home.
            java.nio.file.Path home = pluginDirectory.toPath().toAbsolutePath().getParent().getParent();
            Settings settings = Settings.read(new JiveSettingsSource(java.util.Map.of(
                    Settings.MEDIA_DIRECTORY.name(), home.resolve("chatapp-media").toString())));
            OpenfireAccounts accounts = new OpenfireAccounts();
            server = ChatAppServer.start(settings, nodeId(), accounts);
            // XMPP login with an access token: a JCA SASL provider, then the mechanisms allowed in Openfire.
            saslProvider = new TokenSaslProvider(server.tokens(), accounts.domain(), new OpenfireSaslRefusals());
            Security.addProvider(saslProvider);
            TokenSaslProvider.MECHANISMS.forEach(SASLAuthentication::addSupportedMechanism);
            // Failed-login counting and disabled accounts for every SASL mechanism: first in line, it wraps the
            // server of whichever provider comes next for the mechanism (Openfire's or ours).
            guardProvider = new GuardedSaslProvider(server.accounts().guard(), server.accounts().directory(),
                    accounts.domain(), SaslClientAddress::of);
            Security.insertProviderAt(guardProvider, 1);
            registrationGuard = new InBandRegistrationGuard(server.accounts().service(), server.background());
            InterceptorManager.getInstance().addInterceptor(registrationGuard);
            disabledAccounts = new DisabledAccountEnforcer(server.accounts().directory(), accounts.domain());
            InterceptorManager.getInstance().addInterceptor(disabledAccounts);
            messaging = MessagingAdapter.install(server, accounts.domain());
            media = MediaAdapter.install(server, new PluginRouting(), accounts.domain());
            groups = GroupsAdapter.install(server.groups(), server.messaging(), server.media().service(),
                    accounts.domain());
        } catch (RuntimeException e) {
            // Openfire only logs a failed plugin; say plainly what is wrong so the operator can fix it.
            LOG.error("chat-app plugin failed to start: {}", e.getMessage(), e);
            destroyPlugin();
            throw e;
        }
    }

    @Override
    public void destroyPlugin() {
        if (groups != null) {
            groups.close();
            groups = null;
        }
        if (media != null) {
            media.close();
            media = null;
        }
        if (messaging != null) {
            messaging.close();
            messaging = null;
        }
        if (disabledAccounts != null) {
            InterceptorManager.getInstance().removeInterceptor(disabledAccounts);
            disabledAccounts = null;
        }
        if (registrationGuard != null) {
            InterceptorManager.getInstance().removeInterceptor(registrationGuard);
            registrationGuard = null;
        }
        if (guardProvider != null) {
            Security.removeProvider(guardProvider.getName());
            guardProvider = null;
        }
        if (saslProvider != null) {
            TokenSaslProvider.MECHANISMS.forEach(SASLAuthentication::removeSupportedMechanism);
            Security.removeProvider(saslProvider.getName());
            saslProvider = null;
        }
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private static String nodeId() {
        XMPPServer xmpp = XMPPServer.getInstance();
        return xmpp.getServerInfo().getHostname();
    }
}
