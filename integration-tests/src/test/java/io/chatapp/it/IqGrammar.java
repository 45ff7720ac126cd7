package io.chatapp.it;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Made-up requests that follow the grammar of each IQ that landed after the first fuzzing round (call log,
 * notification preferences, XEP-0357 push enable/disable, stories, group moderation and delete-for-me), each
 * attribute and child present or not, with values from a fixed corpus of edge cases plus a few real ones the test
 * passes in (a room's message id, a story id). Used with a seeded {@link Random}, so a run is repeatable.
 */
final class IqGrammar {

    static final String RSM = "http://jabber.org/protocol/rsm";

    /** The seed corpus: edges of each type and values that address someone else's things. */
    private static final List<String> CORPUS = List.of("", " ", "0", "-1", "1", "2147483648",
            "9223372036854775807", "99999999999999999999", "1e3", "true", "false", "all", "mentions", "off",
            "contacts", "except", "only", "everyone", "submit", "form", "image", "video", "#ff0000", "serif",
            "2026-11-24T10:00:00Z", "2099-01-01T00:00:00Z", "2026-99-99", "alice@localhost", "bob@localhost",
            "bob@localhost/phone", "@", "a@b@c", "localhost", "groups.localhost", "https://127.0.0.1:1/x",
            "https://push.example.com/x", "../../etc/passwd", "&lt;x/&gt;", "\u00e9\u4e2d\ud83d\ude00",
            "x".repeat(3_000));

    private final Random random;
    private final List<String> corpus;

    /** {@code real} values (ids of existing things) join the corpus. */
    IqGrammar(Random random, List<String> real) {
        this.random = random;
        this.corpus = new java.util.ArrayList<>(CORPUS);
        this.corpus.addAll(real);
    }

    /** One request: its payload, and whether it goes to the room (moderation) rather than the account. */
    record Request(String payload, boolean toRoom) {
    }

    Request next() {
        List<Function<IqGrammar, Request>> grammars = List.of(IqGrammar::callLog, IqGrammar::notifications,
                IqGrammar::push, IqGrammar::story, IqGrammar::moderation, IqGrammar::hide);
        return grammars.get(random.nextInt(grammars.size())).apply(this);
    }

    private Request callLog() {
        if (random.nextInt(4) == 0) {
            return new Request("<seen xmlns='urn:chatapp:calls:0'/>", false);
        }
        String set = maybe("<set xmlns='" + RSM + "'>" + maybe("<max>" + value() + "</max>")
                + maybe("<after>" + value() + "</after>") + maybe("<before>" + value() + "</before>") + "</set>");
        return new Request("<calls xmlns='urn:chatapp:calls:0'>" + set + "</calls>", false);
    }

    private Request notifications() {
        StringBuilder xml = new StringBuilder("<notifications xmlns='urn:chatapp:notifications:0'")
                .append(attribute("previews")).append('>');
        for (int c = random.nextInt(3); c > 0; c--) {
            xml.append("<chat").append(attribute("jid")).append(attribute("muted-until")).append(attribute("level"))
                    .append("/>");
        }
        xml.append(maybe("<webpush" + attribute("endpoint") + attribute("p256dh") + attribute("auth") + "/>"));
        return new Request(xml.append("</notifications>").toString(), false);
    }

    private Request push() {
        String name = random.nextBoolean() ? "enable" : "disable";
        String form = maybe("<x xmlns='jabber:x:data'" + attribute("type") + "><field" + attribute("var")
                + "><value>" + value() + "</value></field></x>");
        return new Request("<" + name + " xmlns='urn:xmpp:push:0'" + attribute("jid") + attribute("node") + ">"
                + form + "</" + name + ">", false);
    }

    private Request story() {
        String body = switch (random.nextInt(8)) {
            case 0 -> "<post>" + maybe("<text" + attribute("color") + attribute("font") + ">" + value() + "</text>")
                    + maybe("<media" + attribute("url") + "/>") + maybe("<caption>" + value() + "</caption>")
                    + "</post>";
            case 1 -> "<feed/>";
            case 2 -> "<stories" + attribute("owner") + "/>";
            case 3 -> "<view" + attribute("id") + "/>";
            case 4 -> "<viewers" + attribute("id") + "/>";
            case 5 -> "<delete" + attribute("id") + "/>";
            case 6 -> "<privacy" + attribute("audience") + attribute("read-receipts") + ">"
                    + maybe("<member" + attribute("jid") + "/>") + maybe("<member" + attribute("jid") + "/>")
                    + "</privacy>";
            default -> "<mute" + attribute("jid") + attribute("muted") + "/>";
        };
        return new Request(body.replaceFirst("^<(\\w+)", "<$1 xmlns='urn:chatapp:stories:0'"), false);
    }

    private Request moderation() {
        String reason = maybe("<reason>" + value() + "</reason>");
        if (random.nextBoolean()) {
            return new Request("<moderate xmlns='urn:xmpp:message-moderate:1'" + attribute("id") + ">"
                    + maybe("<retract xmlns='urn:xmpp:message-retract:1'/>") + reason + "</moderate>", true);
        }
        return new Request("<apply-to xmlns='urn:xmpp:fasten:0'" + attribute("id") + ">"
                + "<moderate xmlns='urn:xmpp:message-moderate:0'>" + maybe("<retract xmlns='urn:xmpp:message-retract:0'/>")
                + reason + "</moderate></apply-to>", true);
    }

    private Request hide() {
        return new Request("<hide xmlns='urn:chatapp:archive:0'" + attribute("id") + attribute("with") + "/>",
                random.nextInt(3) == 0);
    }

    /** The attribute with an (escaped) value from the corpus, or nothing (one time in four). */
    private String attribute(String name) {
        return random.nextInt(4) == 0 ? "" : " " + name + "='" + value() + "'";
    }

    private String maybe(String xml) {
        return random.nextBoolean() ? xml : "";
    }

    /** A value from the corpus, escaped for an attribute or text ({@link GroupsGrammar} mixes these in too). */
    String value() {
        return escaped(corpus.get(random.nextInt(corpus.size())));
    }

    static String escaped(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace("'", "&apos;").replace("&amp;lt;", "&lt;")
                .replace("&amp;gt;", "&gt;");
    }
}
