package io.chatapp.plugin.archive.openfire;

import io.chatapp.plugin.Feature;
import io.chatapp.plugin.Services;
import io.chatapp.plugin.archive.ArchiveFeature;
import io.chatapp.plugin.archive.MessageArchive;
import io.chatapp.plugin.config.ArchiveSettings;
import io.chatapp.plugin.media.MediaService;
import io.chatapp.plugin.openfire.OpenfireFeature;
import io.chatapp.plugin.openfire.OpenfireRegistrations;
import io.chatapp.plugin.openfire.PluginRouting;
import io.chatapp.plugin.xmpp.BodyLimit;
import io.chatapp.plugin.xmpp.HeapPressure;
import io.chatapp.plugin.xmpp.StanzaRateLimit;
import java.util.List;
import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.session.ClientSession;

/**
 * The archive on Openfire's packet path: the flood limit first (a client connection over it is closed), the body limit
 * next (a message over it reaches no other interceptor), then
 * the archive with its stanza-ids and retraction checks; MAM and delete-for-me; their disco features.
 */
public final class ArchiveBinding implements OpenfireFeature {

    /**
     * Features advertised on the server and on each account (disco#info), for clients deciding what to use: XEP-0313
     * §6.1 has clients look for MAM on their own bare JID, XEP-0359 for stanza-ids there too.
     */
    static final List<String> FEATURES = List.of("urn:xmpp:mam:2", "urn:xmpp:mam:2#extended", ArchiveInterceptor.SID,
            ArchiveInterceptor.RETRACT, ArchiveIqHandler.NAMESPACE);

    @Override
    public Feature feature() {
        return new ArchiveFeature();
    }

    @Override
    public void bind(Services services, String domain, OpenfireRegistrations registrations) {
        MessageArchive archive = services.get(MessageArchive.class);
        ArchiveSettings settings = services.get(ArchiveSettings.class);
        MediaService media = services.get(MediaService.class);
        // Before the interceptors: the shares a killed process may have lost come before any new one. From then on,
        // each committed batch's shares are noted on the writer's thread, before the journal lets the batch go.
        ArchivedShares shares = new ArchivedShares(media);
        shares.note(archive.takeRecovered());
        archive.onArchived(shares::note);
        registrations.onClose(() -> archive.onArchived(batch -> { }));
        // One routing for the archive's parts: the retraction gate clears what the archive interceptor lets pass.
        PluginRouting routing = new PluginRouting();
        registrations.intercept(new StanzaFloodInterceptor(services.get(StanzaRateLimit.class),
                services.get(HeapPressure.class)));
        registrations.intercept(new BodyLimitInterceptor(services.get(BodyLimit.class), routing));
        RetractionGate retractions = new RetractionGate(archive, settings.retractionWindow(), routing, media);
        ArchiveInterceptor archiving = new ArchiveInterceptor(archive, retractions, routing, domain);
        registrations.intercept(archiving);
        // Openfire stops plugins before it stops reading from clients. Were the archive to go first, messages in that
        // gap would be acknowledged to their senders yet never archived; ending the senders' sessions first leaves
        // them unacknowledged instead: their senders see them never marked sent.
        registrations.onClose(() -> endSessionsAtShutdown(archiving.senders()));
        registrations.handle(new MamIqHandler(archive, settings.maxPageSize(), routing));
        registrations.handle(new ArchiveIqHandler(archive, retractions, routing));
        FEATURES.forEach(registrations::serverFeature);
        FEATURES.forEach(registrations::accountFeature);
    }

    private static void endSessionsAtShutdown(Iterable<String> users) {
        XMPPServer server = XMPPServer.getInstance();
        if (!server.isShuttingDown()) {
            return;
        }
        for (String user : users) {
            for (ClientSession session : server.getSessionManager().getSessions(user)) {
                session.close();
            }
        }
    }
}
