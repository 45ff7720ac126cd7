package io.chatapp.plugin.groups.openfire;

import io.chatapp.plugin.archive.MamQueryParser;
import io.chatapp.plugin.receipts.ReceiptsXml;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.dom4j.Element;
import org.xmpp.packet.IQ;

/**
 * The IQ requests to a group room the plugin answers itself rather than the room, each readdressed to
 * {@link GroupIqHandler} under a name ({@link RoomIqReaddressing}). One table for both ends: what
 * {@link GroupInterceptor} takes, what the handler accepts back, and the namespaces the plugin reports as intercepted
 * cannot drift apart.
 */
final class PluginRoomIqs {

    /** One kind of request: its payload's namespace, the rest of its shape, and the name it is readdressed under. */
    private record Kind(String namespace, Predicate<IQ> shape, String readdressedAs) {

        boolean matches(IQ iq) {
            Element payload = iq.getChildElement();
            return payload != null && namespace.equals(payload.getNamespaceURI()) && shape.test(iq);
        }
    }

    private static final List<Kind> KINDS = List.of(
            new Kind(MamQueryParser.NAMESPACE, GroupMam::isQuery, GroupMam.READDRESSED),
            new Kind(GroupMam.HIDE_NAMESPACE, GroupMam::isHide, GroupMam.READDRESSED),
            new Kind(GroupTombstones.MODERATE, GroupRemovals::isModeration, GroupRemovals.READDRESSED),
            new Kind(GroupTombstones.FASTEN, GroupRemovals::isModeration, GroupRemovals.READDRESSED),
            new Kind(ReceiptsXml.NAMESPACE, GroupReceipts::isInfoRequest, GroupReceipts.READDRESSED),
            // The room's own vCard only: one to an occupant is the occupant's, which the MUC service passes on.
            new Kind(GroupVCard.NAMESPACE, iq -> GroupVCard.isVCard(iq) && iq.getTo().getResource() == null,
                    GroupVCard.READDRESSED));

    private PluginRoomIqs() {
    }

    /** The name a request sent to a group room is readdressed under, or empty when the room answers it. */
    static Optional<String> readdressedAs(IQ iq) {
        return KINDS.stream().filter(kind -> kind.matches(iq)).map(Kind::readdressedAs).findFirst();
    }

    /** Whether {@code original}, restored from a request readdressed under {@code name}, is of a kind taken so. */
    static boolean readdressable(String name, IQ original) {
        return KINDS.stream().anyMatch(kind -> kind.readdressedAs.equals(name) && kind.matches(original));
    }

    /** The namespaces of the requests taken, each once. */
    static List<String> namespaces() {
        return KINDS.stream().map(Kind::namespace).distinct().toList();
    }
}
