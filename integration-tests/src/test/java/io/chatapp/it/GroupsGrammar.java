package io.chatapp.it;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Made-up requests that follow the grammar of everything the groups feature reads from clients, for sending through
 * the real server: {@code groups}, {@code settings}, {@code info} and {@code leave} of {@code urn:chatapp:groups:0},
 * MUC admin items and owner requests (configuration form, {@code destroy}), a room vCard's PHOTO, and the children
 * of a presence entering a new room with {@code <create/>}. Each attribute and child is present or not; values come
 * from {@link IqGrammar}'s corpus, from the groups' own edges (affiliations, roles, form types, image types, addresses
 * with control and confusable characters) and from random text. Used with a seeded {@link Random}.
 */
final class GroupsGrammar {

    static final String GROUPS = "urn:chatapp:groups:0";
    static final String ADMIN = "http://jabber.org/protocol/muc#admin";
    static final String OWNER = "http://jabber.org/protocol/muc#owner";

    /** Where a request goes: the account's server, the groups service, or one of the two real group rooms. */
    enum Target { SERVER, DOMAIN, SERVICE, OWNED_ROOM, MEMBER_ROOM }

    /** One IQ: its type, where it goes, its payload. */
    record Request(String type, Target target, String payload) {
    }

    /** A 1×1 PNG, the smallest image the plugin keeps. */
    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
    /** A PNG signature followed by more bytes than {@code chatapp.groups.maxImageBytes} (256 KB by default) allows. */
    private static final String HUGE_PNG = Base64.getEncoder().encodeToString(hugePng());
    private static final List<String> BINVALS = List.of(PNG, PNG, PNG.substring(0, 40) + "\n" + PNG.substring(40),
            Base64.getEncoder().encodeToString("GIF89a\u0001\u0000\u0001\u0000".getBytes(
                    java.nio.charset.StandardCharsets.ISO_8859_1)), "aGVsbG8=", "PGh0bWw+PC9odG1sPg==", "!!!",
            "====", "iVBORw0KGgo", HUGE_PNG);
    private static final List<String> EDGES = List.of("owner", "admin", "member", "none", "outcast", "moderator",
            "participant", "visitor", "OWNER", "submit", "cancel", "form", "result", "1", "0", "yes", "image/png",
            "image/gif", "image/", "text/html", "image/svg+xml", "tab\there", "line\nbreak", "cr\rhere", "\u00a0",
            "\u200b", "\u202e", "\ufeff", "\u0430dmin", "http://jabber.org/protocol/muc#roomconfig");
    private static final List<String> FIELDS = List.of("FORM_TYPE", "muc#roomconfig_roomname",
            "muc#roomconfig_roomdesc", "muc#roomconfig_membersonly", "muc#roomconfig_publicroom",
            "muc#roomconfig_persistentroom", "muc#roomconfig_whois", "muc#roomconfig_allowinvites",
            "muc#roomconfig_roomowners", "muc#roomconfig_roomadmins", "muc#roomconfig_maxusers",
            "muc#roomconfig_changesubject", "muc#roomconfig_passwordprotectedroom", "muc#roomconfig_roomsecret");
    /** Code points random text is made of: XML-legal, with markup, spaces, controls and confusables among them. */
    private static final int[] TEXT = {'a', 'Z', '0', '9', ' ', '@', '/', '.', ':', '-', '_', '\'', '"', '<', '>',
            '&', '\t', '\n', 0xe9, 0x4e2d, 0x430, 0x200b, 0x202e, 0xfeff, 0x1f600};

    private final Random random;
    private final IqGrammar corpus;
    private final List<String> addresses;
    private final List<String> rooms = new ArrayList<>();

    /** The addresses of the server's users and service join the values; {@link #rooms} sets the real rooms. */
    GroupsGrammar(Random random, String domain, List<String> users) {
        this.random = random;
        this.corpus = new IqGrammar(random, List.of());
        String service = "groups." + domain;
        this.addresses = new ArrayList<>(users);
        addresses.addAll(List.of("carol@" + domain, "\u0430lice@" + domain, "missing@" + service, service,
                "x".repeat(1_100) + "@" + service, "a@b@" + service));
    }

    /** The group Alice owns and the one she is a member of: their addresses (and spellings of them) become values. */
    void rooms(String owned, String member) {
        rooms.clear();
        for (String room : List.of(owned, member)) {
            rooms.addAll(List.of(room, room, room.toUpperCase(java.util.Locale.ROOT), room + "/owner",
                    room.replace("@", "\u200b@"), "\u202e" + room));
        }
    }

    Request next() {
        return switch (random.nextInt(8)) {
            case 0, 1, 2 -> groupsRequest();
            case 3, 4 -> adminRequest();
            case 5, 6 -> ownerRequest();
            default -> vcard();
        };
    }

    private Request groupsRequest() {
        String[] names = {"groups", "settings", "info", "leave"};
        String name = names[random.nextInt(names.length)];
        boolean get = name.equals("groups");
        String type = random.nextInt(5) == 0 ? (get ? "set" : "get") : (get ? "get" : "set");
        StringBuilder xml = new StringBuilder("<").append(name).append(" xmlns='").append(GROUPS).append('\'')
                .append(attribute("room", this::roomAddress)).append(attribute("announce", this::value))
                .append(attribute("edit-info", this::value)).append(attribute("name", this::value))
                .append(attribute("description", this::value)).append('>');
        for (int c = random.nextInt(3); c > 0; c--) {
            xml.append(maybe("<description>" + value() + "</description>")).append(maybe("<member"
                    + attribute("jid", this::address) + "/>"));
        }
        Target[] targets = {Target.SERVER, Target.SERVER, Target.SERVER, Target.DOMAIN, Target.SERVICE,
                Target.OWNED_ROOM};
        return new Request(type, targets[random.nextInt(targets.length)], xml + "</" + name + ">");
    }

    private Request adminRequest() {
        StringBuilder xml = new StringBuilder("<query xmlns='").append(ADMIN).append("'>");
        for (int i = random.nextInt(4); i > 0; i--) {
            xml.append("<item").append(attribute("affiliation", this::value)).append(attribute("role", this::value))
                    .append(attribute("jid", this::address)).append(attribute("nick", this::value)).append('>')
                    .append(maybe("<reason>" + value() + "</reason>"))
                    .append(maybe("<actor" + attribute("nick", this::value) + "/>")).append("</item>");
        }
        return new Request(random.nextInt(4) == 0 ? "get" : "set", room(), xml.append("</query>").toString());
    }

    private Request ownerRequest() {
        String body = switch (random.nextInt(4)) {
            case 0 -> "";
            case 1 -> "<destroy" + attribute("jid", this::address) + ">" + maybe("<reason>" + value() + "</reason>")
                    + maybe("<password>" + value() + "</password>") + "</destroy>";
            default -> form();
        };
        return new Request(random.nextInt(4) == 0 ? "get" : "set", room(),
                "<query xmlns='" + OWNER + "'>" + body + "</query>");
    }

    private String form() {
        StringBuilder xml = new StringBuilder("<x xmlns='jabber:x:data'").append(attribute("type", this::value))
                .append('>');
        for (int f = random.nextInt(6); f > 0; f--) {
            String var = random.nextInt(5) == 0 ? value() : FIELDS.get(random.nextInt(FIELDS.size()));
            xml.append("<field").append(random.nextInt(8) == 0 ? "" : " var='" + var + "'")
                    .append(attribute("type", this::value)).append('>');
            for (int v = random.nextInt(3); v > 0; v--) {
                xml.append("<value>").append(random.nextBoolean() ? address() : value()).append("</value>");
            }
            xml.append("</field>");
        }
        return xml.append("</x>").toString();
    }

    private Request vcard() {
        StringBuilder xml = new StringBuilder("<vCard xmlns='vcard-temp'>");
        for (int p = random.nextInt(3); p > 0; p--) {
            xml.append("<PHOTO>").append(maybe("<TYPE>" + value() + "</TYPE>"))
                    .append(maybe("<BINVAL>" + BINVALS.get(random.nextInt(BINVALS.size())) + "</BINVAL>"))
                    .append(random.nextInt(6) == 0 ? "<EXTVAL>" + value() + "</EXTVAL>" : "").append("</PHOTO>");
        }
        xml.append(random.nextInt(4) == 0 ? "<FN>" + value() + "</FN>" : "");
        return new Request(random.nextInt(3) == 0 ? "get" : "set", room(), xml.append("</vCard>").toString());
    }

    /**
     * The children of a presence entering a new room of the groups service: mostly a XEP-0045 join, with
     * {@code <create/>} in the groups' namespace or another, none, once or several times, attributes and text or not.
     */
    String createPresence() {
        StringBuilder xml = new StringBuilder(random.nextInt(4) == 0 ? ""
                : "<x xmlns='http://jabber.org/protocol/muc'/>");
        String[] namespaces = {GROUPS, GROUPS, GROUPS, "http://jabber.org/protocol/muc", "urn:other"};
        for (int c = random.nextInt(4); c > 0; c--) {
            xml.append("<create xmlns='").append(namespaces[random.nextInt(namespaces.length)]).append('\'')
                    .append(attribute("room", this::roomAddress)).append(attribute("name", this::value)).append('>')
                    .append(maybe(value())).append(random.nextInt(4) == 0 ? "<x/>" : "").append("</create>");
        }
        return xml.toString();
    }

    private Target room() {
        int pick = random.nextInt(10);
        return pick < 5 ? Target.OWNED_ROOM : pick < 9 ? Target.MEMBER_ROOM : Target.SERVICE;
    }

    /** A room attribute: a real room (or a spelling of one) half of the time, else any value. */
    private String roomAddress() {
        return random.nextBoolean() && !rooms.isEmpty() ? IqGrammar.escaped(rooms.get(random.nextInt(rooms.size())))
                : address();
    }

    private String address() {
        return random.nextBoolean() ? IqGrammar.escaped(addresses.get(random.nextInt(addresses.size()))) : value();
    }

    /** From {@link IqGrammar}'s corpus, the groups' edges, or random text. */
    private String value() {
        return switch (random.nextInt(3)) {
            case 0 -> corpus.value();
            case 1 -> IqGrammar.escaped(EDGES.get(random.nextInt(EDGES.size())));
            // '"' and '>' are written as references: Openfire 4.2's stream framing takes a raw '"' in a value for the
            // start of a quoted attribute (and "/>" for an element's end), so the session is stuck, before any plugin.
            default -> IqGrammar.escaped(randomText()).replace("\"", "&quot;").replace(">", "&gt;");
        };
    }

    private String randomText() {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(30); n > 0; n--) {
            text.appendCodePoint(TEXT[random.nextInt(TEXT.length)]);
        }
        return text.toString();
    }

    /** The attribute with a value, or nothing (one time in four). */
    private String attribute(String name, java.util.function.Supplier<String> values) {
        return random.nextInt(4) == 0 ? "" : " " + name + "='" + values.get() + "'";
    }

    private String maybe(String xml) {
        return random.nextBoolean() ? xml : "";
    }

    private static byte[] hugePng() {
        byte[] bytes = new byte[300_000];
        byte[] signature = Base64.getDecoder().decode(PNG);
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        return bytes;
    }
}
