package io.chatapp.plugin.groups;

import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.dom4j.Element;
import org.dom4j.QName;
import org.xmpp.packet.JID;

/**
 * A member's MUC admin and owner requests to a group room (XEP-0045 §9, §10) as the groups' rules see them. Before the
 * room acts, {@link #check} applies the rules (the group owner cannot be removed or demoted, only they may delete,
 * the size limit, who may rename) and forces every submitted configuration form to keep the room private; a refusal
 * is a {@code StanzaErrorException}. The accepted request is remembered under its key (requester and IQ id) until the
 * room answers: {@link #answered} then records what changed and returns the system events to show. The MUC service
 * itself enforces the rest natively (only owners change affiliations or configure).
 */
public final class RoomRequests {

    public static final String MUC_ADMIN = "http://jabber.org/protocol/muc#admin";
    public static final String MUC_OWNER = "http://jabber.org/protocol/muc#owner";
    /** The namespaces of the requests {@link #check} looks at: affiliation changes, configuration and destroy. */
    public static final List<String> NAMESPACES = List.of(MUC_ADMIN, MUC_OWNER);
    private static final List<String> ROLES = List.of("moderator", "participant", "visitor", "none");
    private static final QName DATA_FORM = QName.get("x", "jabber:x:data");

    /** What an accepted request will change once the room has done it. */
    public sealed interface Change {
        String room();

        String actor();
    }

    public record Affiliations(String room, String actor, List<AffiliationChange> changes) implements Change {
    }

    public record Info(String room, String actor, String name, String description) implements Change {
    }

    public record Destroy(String room, String actor) implements Change {
    }

    /** A request the room carried out, and the events it makes. */
    public record Applied(Change change, List<GroupEvent> events) {
    }

    private final GroupService groups;
    /** requester full JID + id → what the room will have done when it answers with a result. */
    private final Map<String, Change> pending = new ConcurrentHashMap<>();

    public RoomRequests(GroupService groups) {
        this.groups = groups;
    }

    /**
     * Checks the query of an IQ set from the requester to the room, rewriting a configuration form in place, and
     * remembers it under the key when it changes anything of the group's.
     */
    public void check(String key, Element query, String room, String requester) {
        parse(query, room, requester).ifPresent(change -> pending.put(key, change));
    }

    /**
     * Refuses the query of an IQ get from a client to the room when it asks for a change: Openfire's MUC service
     * applies admin items naming a JID or nick, and an owner's form or destroy, whatever the IQ's type, so such a get
     * would change the group past {@link #check}, which sees the sets XEP-0045 sends changes as.
     */
    public static void checkGet(Element query) {
        if (query != null && asksForChange(query)) {
            throw new StanzaErrorException(StanzaError.BAD_REQUEST, "a change to a group is an IQ set, not a get");
        }
    }

    private static boolean asksForChange(Element query) {
        if (MUC_ADMIN.equals(query.getNamespaceURI())) {
            return query.elements("item").stream()
                    .anyMatch(item -> item.attribute("jid") != null || item.attribute("nick") != null);
        }
        return MUC_OWNER.equals(query.getNamespaceURI())
                && (query.element(DATA_FORM) != null || query.element("destroy") != null);
    }

    /** The room answered the request remembered under the key: what it applied, if it succeeded. */
    public Optional<Applied> answered(String key, boolean succeeded) {
        Change change = pending.remove(key);
        if (change == null || !succeeded) {
            return Optional.empty();
        }
        return Optional.of(new Applied(change, apply(change)));
    }

    private Optional<Change> parse(Element query, String room, String requester) {
        if (query == null) {
            return Optional.empty();
        }
        boolean group = groups.isGroup(room);
        if (MUC_ADMIN.equals(query.getNamespaceURI())) {
            List<AffiliationChange> changes = new ArrayList<>();
            for (Element item : query.elements("item")) {
                // Every item's, not only an affiliation's: Openfire's MUC leaves a request naming a malformed JID
                // (say one longer than JIDs may be) unanswered.
                String jid = bare(item.attributeValue("jid"), "an item");
                checkRole(item.attributeValue("role"));
                String affiliation = item.attributeValue("affiliation");
                if (affiliation != null) {
                    changes.add(new AffiliationChange(jid, affiliation));
                }
            }
            if (!group || changes.isEmpty()) {
                return Optional.empty();
            }
            groups.checkAffiliations(room, requester, changes);
            return Optional.of(new Affiliations(room, requester, List.copyOf(changes)));
        }
        if (MUC_OWNER.equals(query.getNamespaceURI())) {
            Element destroy = query.element("destroy");
            if (destroy != null) {
                // Its alternate venue too: Openfire's MUC fails on a malformed one and answers nothing.
                bare(destroy.attributeValue("jid"), "destroy");
                if (group) {
                    groups.checkDestroy(room, requester);
                }
                return Optional.of(new Destroy(room, requester));
            }
            Element form = query.element(DATA_FORM);
            if (form != null) {
                DataFormTypes.check(form);
            }
            if (form != null && "submit".equals(form.attributeValue("type"))) {
                PrivateRoomConfig.keepPrivate(form);
                String name = PrivateRoomConfig.value(form, PrivateRoomConfig.NAME);
                String description = PrivateRoomConfig.value(form, PrivateRoomConfig.DESCRIPTION);
                if (group && (name != null || description != null)) {
                    groups.checkInfoChange(room, requester);
                    GroupTexts.check(name, description);
                }
                return Optional.of(new Info(room, requester, name, description));
            }
        }
        return Optional.empty();
    }

    private List<GroupEvent> apply(Change change) {
        if (change instanceof Affiliations a) {
            return groups.applyAffiliations(a.room(), a.actor(), a.changes());
        }
        if (change instanceof Info info) {
            return groups.applyInfo(info.room(), info.actor(), info.name(), info.description());
        }
        return groups.destroyed(change.room(), change.actor());
    }

    /**
     * Openfire's MUC reads an item's role with {@code Role.valueOf}, which fails on any other value, and the room
     * answers {@code internal-server-error} to what is the client's mistake.
     */
    private static void checkRole(String role) {
        if (role != null && !ROLES.contains(role)) {
            throw new StanzaErrorException(StanzaError.BAD_REQUEST, "an item's role is one of " + ROLES);
        }
    }

    /** The bare form of a JID, or null; a malformed one is the client's mistake (bad-request). */
    private static String bare(String jid, String naming) {
        if (jid == null) {
            return null;
        }
        try {
            return new JID(jid).toBareJID();
        } catch (IllegalArgumentException e) {
            throw new StanzaErrorException(StanzaError.BAD_REQUEST, naming + " names a malformed JID");
        }
    }
}
