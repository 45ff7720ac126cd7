package io.chatapp.benchmarks.groups;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.PresenceBuilder;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * A MUC room set up with plain XEP-0045 stanzas, the same on both servers: the owner enters (creating it), submits
 * the configuration form and grants membership with one admin IQ; members then enter without history. On Openfire
 * with the plugin this is how our library creates a group (the owner's presence carries
 * {@code <create xmlns='urn:chatapp:groups:0'/>}, which a server without the plugin ignores; the plugin records the
 * group when the room answers 201 and
 * rewrites the form to its private-room settings, which are the ones submitted here anyway); without the plugin it is
 * a plain members-only, persistent, non-anonymous room configured the same way.
 */
public final class MucRoom {

    private static final String MUC = "http://jabber.org/protocol/muc";
    private static final String MUC_OWNER = "http://jabber.org/protocol/muc#owner";
    private static final String MUC_ADMIN = "http://jabber.org/protocol/muc#admin";
    /** The plugin creates a room of its group service only for a presence asking for a group (docs/protocol.md). */
    private static final String GROUPS = "urn:chatapp:groups:0";
    /** The plugin's private-room settings (docs/protocol.md, Groups), given explicitly so both servers get them. */
    private static final Map<String, String> CONFIGURATION = Map.of(
            "muc#roomconfig_roomname", "Fan-out benchmark",
            "muc#roomconfig_persistentroom", "1",
            "muc#roomconfig_membersonly", "1",
            "muc#roomconfig_whois", "anyone",
            "muc#roomconfig_publicroom", "0",
            "muc#roomconfig_allowinvites", "0",
            "muc#roomconfig_moderatedroom", "0",
            "muc#roomconfig_passwordprotectedroom", "0",
            "muc#roomconfig_changesubject", "0",
            "muc#roomconfig_maxusers", "0");

    private final EntityBareJid jid;

    public MucRoom(EntityBareJid jid) {
        this.jid = jid;
    }

    public EntityBareJid jid() {
        return jid;
    }

    /** The owner creates and configures the room and makes the others members. */
    public void create(XMPPTCPConnection owner, String nickname, List<EntityBareJid> members) throws Exception {
        enter(owner, nickname, true);
        StringBuilder form = new StringBuilder("<x xmlns='jabber:x:data' type='submit'>")
                .append(field("FORM_TYPE", "http://jabber.org/protocol/muc#roomconfig"));
        CONFIGURATION.forEach((name, value) -> form.append(field(name, value)));
        owner.createStanzaCollectorAndSend(new RawIq(jid, MUC_OWNER, form.append("</x>").toString()))
                .nextResultOrThrow();
        StringBuilder items = new StringBuilder();
        for (EntityBareJid member : members) {
            items.append("<item affiliation='member' jid='").append(member).append("'/>");
        }
        owner.createStanzaCollectorAndSend(new RawIq(jid, MUC_ADMIN, items.toString())).nextResultOrThrow();
    }

    /** Enters the room without history and waits for the room's presence of this occupant. */
    void enter(XMPPTCPConnection connection, String nickname) throws Exception {
        enter(connection, nickname, false);
    }

    private void enter(XMPPTCPConnection connection, String nickname, boolean creatingGroup) throws Exception {
        EntityFullJid occupant = JidCreate.entityFullFrom(jid + "/" + nickname);
        PresenceBuilder builder = StanzaBuilder.buildPresence()
                .to(occupant)
                .addExtension(StandardExtensionElement.builder("x", MUC)
                        .addElement(StandardExtensionElement.builder("history", MUC)
                                .addAttribute("maxstanzas", "0").build())
                        .build());
        if (creatingGroup) {
            builder.addExtension(StandardExtensionElement.builder("create", GROUPS).build());
        }
        Presence presence = builder.build();
        try (StanzaCollector self = connection.createStanzaCollectorAndSend(
                new AndFilter(StanzaTypeFilter.PRESENCE, FromMatchesFilter.createFull(occupant)), presence)) {
            Stanza answer = self.nextResultOrThrow(30_000);
            if (answer instanceof Presence p && p.getType() == Presence.Type.error) {
                throw new IOException(nickname + " could not enter " + jid + ": " + p.getError());
            }
        }
    }

    private static String field(String name, String value) {
        return "<field var='" + name + "'><value>" + value + "</value></field>";
    }

    /** An IQ set to the room with a {@code <query/>} of the given namespace and ready-made children. */
    private static final class RawIq extends IQ {

        private final String children;

        RawIq(EntityBareJid to, String namespace, String children) {
            super("query", namespace);
            this.children = children;
            setType(Type.set);
            setTo(to);
        }

        @Override
        protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
            xml.rightAngleBracket();
            xml.append((CharSequence) children);
            return xml;
        }
    }
}
