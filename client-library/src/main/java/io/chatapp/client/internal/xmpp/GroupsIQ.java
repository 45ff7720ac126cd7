package io.chatapp.client.internal.xmpp;

import io.chatapp.client.GroupInfo;
import io.chatapp.client.GroupMember;
import io.chatapp.client.GroupRole;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * {@code <groups xmlns="urn:chatapp:groups:0"/>}: asks the server for this account's groups (get); the result lists
 * each {@code <group/>} with its {@code <description/>} and {@code <member/>}s.
 */
public final class GroupsIQ extends IQ {

    public static final String NAMESPACE = "urn:chatapp:groups:0";
    public static final String ELEMENT = "groups";

    private final List<GroupInfo> groups;

    /** The request. */
    public GroupsIQ() {
        this(List.of());
        setType(Type.get);
    }

    public GroupsIQ(List<GroupInfo> groups) {
        super(ELEMENT, NAMESPACE);
        this.groups = List.copyOf(groups);
    }

    public List<GroupInfo> groups() {
        return groups;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        if (groups.isEmpty()) {
            xml.setEmptyElement();
            return xml;
        }
        xml.rightAngleBracket();
        for (GroupInfo group : groups) {
            xml.halfOpenElement("group").attribute("room", group.room()).attribute("name", group.name())
                    .attribute("owner", group.owner()).attribute("announce", group.announce() ? "1" : "0")
                    .attribute("edit-info", group.membersEditInfo() ? "1" : "0")
                    .attribute("created", XmppTimes.format(group.createdAt())).rightAngleBracket();
            if (!group.description().isEmpty()) {
                xml.element("description", group.description());
            }
            for (GroupMember member : group.members()) {
                xml.halfOpenElement("member").attribute("jid", member.jid())
                        .attribute("role", member.role().name().toLowerCase(Locale.ROOT))
                        .attribute("joined", XmppTimes.format(member.joinedAt())).closeEmptyElement();
            }
            xml.closeElement("group");
        }
        return xml;
    }

    public static final class Provider extends IQProvider<GroupsIQ> {
        @Override
        public GroupsIQ parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
                throws XmlPullParserException, IOException, SmackParsingException {
            List<GroupInfo> groups = new ArrayList<>();
            Elements.forEachChild(parser, initialDepth, "group", group -> groups.add(group(parser)));
            return new GroupsIQ(groups);
        }

        private static GroupInfo group(XmlPullParser parser) throws SmackParsingException {
            String room = Objects.requireNonNullElse(Elements.attribute(parser, "room"), "");
            String name = Objects.requireNonNullElse(Elements.attribute(parser, "name"), "");
            String owner = Objects.requireNonNullElse(Elements.attribute(parser, "owner"), "");
            boolean announce = "1".equals(Elements.attribute(parser, "announce"));
            boolean editInfo = "1".equals(Elements.attribute(parser, "edit-info"));
            Instant created = Objects.requireNonNullElse(XmppTimes.parse(Elements.attribute(parser, "created")),
                    Instant.EPOCH);
            int depth = parser.getDepth();
            String description = "";
            List<GroupMember> members = new ArrayList<>();
            try {
                while (true) {
                    XmlPullParser.Event event = parser.next();
                    if (event == XmlPullParser.Event.START_ELEMENT && parser.getName().equals("description")) {
                        description = parser.nextText();
                    } else if (event == XmlPullParser.Event.START_ELEMENT && parser.getName().equals("member")) {
                        members.add(new GroupMember(Objects.requireNonNullElse(Elements.attribute(parser, "jid"), ""),
                                role(Elements.attribute(parser, "role")),
                                Objects.requireNonNullElse(XmppTimes.parse(Elements.attribute(parser, "joined")),
                                        Instant.EPOCH)));
                    } else if (event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == depth) {
                        break;
                    }
                }
            } catch (XmlPullParserException | IOException e) {
                throw new IllegalStateException("Malformed group list", e);
            }
            return new GroupInfo(room, name, description, owner, announce, editInfo, created, members);
        }

        private static GroupRole role(String value) {
            if (value == null) {
                return GroupRole.MEMBER;
            }
            try {
                return GroupRole.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return GroupRole.MEMBER;
            }
        }
    }
}
