package io.chatapp.plugin.openfire;

import io.chatapp.plugin.ChatAppServer;
import io.chatapp.plugin.Feature;
import io.chatapp.plugin.Services;
import io.chatapp.plugin.accounts.openfire.AccountsBinding;
import io.chatapp.plugin.accounts.openfire.OpenfireAccounts;
import io.chatapp.plugin.archive.openfire.ArchiveBinding;
import io.chatapp.plugin.calls.openfire.CallsBinding;
import io.chatapp.plugin.config.Settings;
import io.chatapp.plugin.groups.openfire.GroupsBinding;
import io.chatapp.plugin.media.openfire.MediaBinding;
import io.chatapp.plugin.presence.openfire.PresenceBinding;
import io.chatapp.plugin.push.openfire.PushBinding;
import io.chatapp.plugin.receipts.openfire.ReceiptsBinding;
import io.chatapp.plugin.stories.openfire.StoriesBinding;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.container.Plugin;
import org.jivesoftware.openfire.container.PluginManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Openfire entry point: reads the settings from Openfire and starts {@link ChatAppServer} with every feature of
 * {@link #FEATURES}, each feature's binding put on Openfire in the same order before the HTTP server serves (so
 * {@code /health} means the whole plugin is in place). {@link #destroyPlugin()} undoes exactly that, in reverse
 * order: the HTTP server, the bindings, then the features.
 *
 * <p>Only the portable Openfire API listed in docs/architecture.md may be used in {@code *.openfire} packages.
 */
public final class ChatAppPlugin implements Plugin {

    /**
     * The features, in the order they start and see packets; each is one package with its binding in
     * {@code <feature>.openfire}. Adding a feature is adding its line here.
     */
    static final List<OpenfireFeature> FEATURES = List.of(
            new AccountsBinding(),
            new ArchiveBinding(),
            new ReceiptsBinding(),
            new PresenceBinding(),
            new GroupsBinding(),
            new MediaBinding(),
            new StoriesBinding(),
            new CallsBinding(),
            new PushBinding());

    /** The Openfire-free part of every feature, in order: what {@link ChatAppServer} starts (tests start it too). */
    public static List<Feature> domainFeatures() {
        return FEATURES.stream().map(OpenfireFeature::feature).toList();
    }

    private static final Logger LOG = LoggerFactory.getLogger(ChatAppPlugin.class);

    private ChatAppServer server;
    private volatile OpenfireRegistrations registrations;

    @Override
    public void initializePlugin(PluginManager manager, File pluginDirectory) {
        try {
            // The plugin lives in <openfire home>/plugins/<name>: the media store and the journals default to the home.
            Path home = pluginDirectory.toPath().toAbsolutePath().getParent().getParent();
            Settings settings = Settings.read(new JiveSettingsSource(Map.of(
                    Settings.MEDIA_DIRECTORY.name(), home.resolve("chatapp-media").toString(),
                    Settings.ARCHIVE_JOURNAL_DIRECTORY.name(), home.resolve("chatapp-archive-journal").toString(),
                    Settings.RECEIPTS_JOURNAL_DIRECTORY.name(), home.resolve("chatapp-receipts-journal").toString())));
            OpenfireAccounts accounts = new OpenfireAccounts();
            server = ChatAppServer.start(settings, nodeId(), accounts, domainFeatures(),
                    services -> bindAll(services, accounts.domain()));
        } catch (RuntimeException e) {
            // Openfire only logs a failed plugin; say plainly what is wrong so the operator can fix it.
            LOG.error("chat-app plugin failed to start: {}", e.getMessage(), e);
            destroyPlugin();
            throw e;
        }
    }

    /** Every feature's binding, in list order, on one set of registrations (all undone if one fails). */
    private OpenfireRegistrations bindAll(Services services, String domain) {
        OpenfireRegistrations bound = new OpenfireRegistrations();
        try {
            for (OpenfireFeature feature : FEATURES) {
                feature.bind(services, domain, bound);
            }
            registrations = bound;
            return bound;
        } catch (RuntimeException e) {
            bound.close();
            throw e;
        }
    }

    @Override
    public void destroyPlugin() {
        registrations = null;
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /**
     * The HTTP API's routes ({@code "METHOD /path"}), empty when the plugin is not running: the authorisation sweep
     * of the integration tests reads them (the plugin is in another class loader there, hence a plain list of
     * strings).
     */
    public List<String> httpRoutes() {
        ChatAppServer running = server;
        return running == null ? List.of() : running.httpRoutes();
    }

    /**
     * The namespaces of the IQ handlers the features registered, empty when the plugin is not running: the
     * authorisation sweep of the integration tests checks that each has a case.
     */
    public List<String> iqNamespaces() {
        OpenfireRegistrations bound = registrations;
        return bound == null ? List.of() : bound.iqNamespaces();
    }

    /**
     * The namespaces of the IQ requests the features' interceptors take rather than handle (at a group room, on their
     * way to Openfire's handlers), empty when the plugin is not running: the integration tests send each of them too.
     */
    public List<String> interceptedIqNamespaces() {
        OpenfireRegistrations bound = registrations;
        return bound == null ? List.of() : bound.interceptedIqNamespaces();
    }

    private static String nodeId() {
        XMPPServer xmpp = XMPPServer.getInstance();
        return xmpp.getServerInfo().getHostname();
    }
}
