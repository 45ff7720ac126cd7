package io.chatapp.plugin.openfire;

import io.chatapp.plugin.archive.MessageArchive;
import io.chatapp.plugin.archive.RetractionResult;
import io.chatapp.plugin.xmpp.StanzaError;
import java.time.Duration;
import org.dom4j.Element;
import org.xmpp.packet.Message;

/**
 * Checks a XEP-0424 retraction off the packet thread: only the sender of a message may retract it, and only within
 * the retraction window. A valid one erases the message's content from the archive and is then released to the
 * recipient (and archived itself, so devices catching up learn of it); an invalid one is answered with an error
 * and goes nowhere.
 */
final class RetractionGate {

    private final MessageArchive archive;
    private final Duration window;
    private final PluginRouting routing;

    RetractionGate(MessageArchive archive, Duration window, PluginRouting routing) {
        this.archive = archive;
        this.window = window;
        this.routing = routing;
    }

    /** Starts the check of a retraction that the caller has held back. */
    void check(Message retraction, Element retract) {
        Message held = retraction.createCopy();
        String reference = retract.attributeValue("id");
        if (reference == null || reference.isBlank()) {
            refuse(held, StanzaError.BAD_REQUEST, "the retract element needs the id of the message");
            return;
        }
        archive.retract(held.getFrom().toBareJID(), held.getTo().toBareJID(), reference, window)
                .whenComplete((result, failure) -> {
                    if (failure != null) {
                        routing.route(errorFor(held, PluginRouting.error(failure)));
                    } else if (result instanceof RetractionResult.Retracted) {
                        routing.routeCleared(held);
                    } else if (result instanceof RetractionResult.NotSender) {
                        refuse(held, StanzaError.FORBIDDEN, "only the sender can retract a message");
                    } else if (result instanceof RetractionResult.TooOld) {
                        refuse(held, StanzaError.NOT_ACCEPTABLE, "messages older than " + window.toHours()
                                + " hours cannot be retracted");
                    } else {
                        refuse(held, StanzaError.ITEM_NOT_FOUND, "no message " + reference + " with "
                                + held.getTo().toBareJID());
                    }
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
