package io.chatapp.plugin.archive.openfire;

import io.chatapp.plugin.archive.MessageArchive;
import io.chatapp.plugin.archive.RetractionResult;
import io.chatapp.plugin.media.MediaService;
import io.chatapp.plugin.openfire.PluginRouting;
import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.dom4j.Element;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

/**
 * Checks a XEP-0424 retraction off the packet thread: only the sender of a message may retract it, and only within
 * the retraction window. A valid one erases the message's content from the archive and is then released to the
 * recipient (and archived itself, so devices catching up learn of it); an invalid one is answered with an error
 * and goes nowhere.
 */
final class RetractionGate {

    /** The XEP-0428 fallback body for clients that do not know retractions (XEP-0424 §4). */
    static final String FALLBACK_TEXT = "This person attempted to retract a previous message, but it's unsupported"
            + " by your client.";

    private final MessageArchive archive;
    private final Duration window;
    private final PluginRouting routing;
    private final MediaService media;

    RetractionGate(MessageArchive archive, Duration window, PluginRouting routing, MediaService media) {
        this.archive = archive;
        this.media = media;
        this.window = window;
        this.routing = routing;
    }

    /** Starts the check of a XEP-0424 retraction message that the caller has held back. */
    void check(Message retraction, Element retract) {
        Message held = retraction.createCopy();
        String reference = retract.attributeValue("id");
        if (reference == null || reference.isBlank()) {
            refuse(held, StanzaError.BAD_REQUEST, "the retract element needs the id of the message");
            return;
        }
        verify(held.getFrom().toBareJID(), held.getTo().toBareJID(), reference).whenComplete((done, failure) -> {
            if (failure == null) {
                routing.routeCleared(held);
            } else {
                routing.route(errorFor(held, PluginRouting.error(failure)));
            }
        });
    }

    /**
     * A retraction asked for with an IQ ({@code urn:chatapp:archive:0}), which gives the requester a definite
     * answer: once checked, the standard XEP-0424 message is sent on the requester's behalf, from their device.
     */
    CompletableFuture<Void> retractFor(JID device, String peer, String reference, String retractionId) {
        return verify(device.toBareJID(), peer, reference).thenRun(() -> {
            Message retraction = new Message();
            retraction.setType(Message.Type.chat);
            retraction.setID(retractionId);
            retraction.setFrom(device);
            retraction.setTo(peer);
            retraction.setBody(FALLBACK_TEXT);
            retraction.addChildElement("retract", ArchiveInterceptor.RETRACT).addAttribute("id", reference);
            retraction.addChildElement("fallback", "urn:xmpp:fallback:0").addAttribute("for",
                    ArchiveInterceptor.RETRACT);
            retraction.addChildElement("origin-id", ArchiveInterceptor.SID).addAttribute("id", retractionId);
            retraction.addChildElement("store", "urn:xmpp:hints");
            routing.routeCleared(retraction);
        });
    }

    /** Completes when the requester may retract the message (and it is now erased), else fails with the error. */
    private CompletableFuture<Void> verify(String requester, String peer, String reference) {
        return archive.retract(requester, peer, reference, window).thenAccept(result -> {
            if (result instanceof RetractionResult.NotSender) {
                throw new StanzaErrorException(StanzaError.FORBIDDEN, "only the sender can retract a message");
            }
            if (result instanceof RetractionResult.TooOld) {
                throw new StanzaErrorException(StanzaError.NOT_ACCEPTABLE, "messages older than "
                        + window.toHours() + " hours cannot be retracted");
            }
            if (!(result instanceof RetractionResult.Retracted retracted)) {
                throw new StanzaErrorException(StanzaError.ITEM_NOT_FOUND, "no message " + reference + " with "
                        + peer);
            }
            // A retracted media message takes its file with it (XEP-0424 §7: retraction as deletion).
            media.revokeRetracted(requester, retracted.original().stanzaXml());
        });
    }

    private void refuse(Message retraction, StanzaError error, String text) {
        routing.route(errorFor(retraction, PluginRouting.error(error, text)));
    }

    /** The retraction bounced back to its sender with the error, its {@code retract} element kept for matching. */
    private static Message errorFor(Message retraction, org.xmpp.packet.PacketError error) {
        Message bounce = new Message();
        bounce.setType(Message.Type.error);
        bounce.setID(retraction.getID());
        bounce.setFrom(retraction.getTo());
        bounce.setTo(retraction.getFrom());
        Element retract = retraction.getChildElement("retract", ArchiveInterceptor.RETRACT);
        if (retract != null) {
            bounce.getElement().add(retract.createCopy());
        }
        bounce.setError(error);
        return bounce;
    }
}
