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
import io.chatapp.plugin.xmpp.HeapPressure;
import io.chatapp.plugin.xmpp.MessageLimits;
import io.chatapp.plugin.xmpp.StanzaRateLimit;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.session.ClientSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive on Openfire's packet path: the flood limit first (a client connection over it is closed), the message
 * limits next (a message over them reaches no other interceptor), then
 * the archive with its stanza-ids and retraction checks; MAM and delete-for-me; their disco features.
 */
public final class ArchiveBinding implements OpenfireFeature {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveBinding.class);
    /** How long closing waits for the archive's last messages, and so their media shares, to be written. */
    private static final Duration SHARES_AT_CLOSE = Duration.ofSeconds(10);

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
        try {
            archive.takeRecovered(shares::note);
        } catch (SQLException e) {
            LOG.warn("The media shares of the messages recovered from the archive's journal wait for the next start,"
                    + " which gives those messages back again: {}", e.getMessage());
        }
        archive.onArchived(shares::note);
        media.sharesNotedBy(archive::flushed);
        registrations.onClose(() -> {
            // Runs once the interceptors are gone: the messages accepted until then get their shares while the media
            // service is still open. A database still away keeps them in the journal, and the next start notes them.
            try {
                archive.flushed().get(SHARES_AT_CLOSE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("Closing with archive messages not yet written; their media shares wait for the next start");
            } finally {
                archive.onArchived(batch -> { });
                media.sharesNotedBy(() -> CompletableFuture.completedFuture(null));
            }
        });
        // One routing for the archive's parts: the retraction gate clears what the archive interceptor lets pass.
        PluginRouting routing = new PluginRouting();
        registrations.intercept(new StanzaFloodInterceptor(services.get(StanzaRateLimit.class),
                services.get(HeapPressure.class)));
        registrations.intercept(new MessageLimitsInterceptor(services.get(MessageLimits.class), routing));
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
