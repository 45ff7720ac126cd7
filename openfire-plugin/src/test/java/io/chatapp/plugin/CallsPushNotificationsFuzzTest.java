package io.chatapp.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.plugin.calls.CallPageRequest;
import io.chatapp.plugin.push.ChatSetting;
import io.chatapp.plugin.push.NotificationsXml;
import io.chatapp.plugin.push.PushXml;
import io.chatapp.plugin.stories.AudienceMode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.dom4j.Element;

/**
 * Grammar fuzzing of the readers of the IQs that came with calls, push and notifications (jqwik, fixed seed, bounded
 * tries): the call log's XEP-0059 {@code <set/>} ({@code urn:chatapp:calls:0}), the notification preferences' set
 * ({@code urn:chatapp:notifications:0}), the publish-options of a push {@code <enable/>} ({@code urn:xmpp:push:0}) and
 * a story audience. Requests follow each grammar with values drawn from a checked-in corpus of edge cases mixed with
 * random text. Each reader answers a value or {@link IllegalArgumentException} (which the IQ handlers answer
 * {@code bad-request}), or the push reader's own {@link PushXml.OversizeException} ({@code not-acceptable}); nothing
 * else may escape, since that would be {@code internal-server-error}.
 */
class CallsPushNotificationsFuzzTest {

    /** The seed corpus: values that broke or nearly broke readers before, and the edges of each type. */
    private static final List<String> CORPUS = List.of("", " ", "0", "-1", "+1", "1e3", "0x10", "007",
            "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
            "99999999999999999999", "NaN", "true", "false", "TRUE", "all", "mentions", "off", "OFF",
            "2026-11-24T10:00:00Z", "2026-11-24T10:00:00.123456789+14:00", "2026-99-99T99:99:99Z",
            "+999999999-12-31T23:59:59Z",
            "bob@localhost", "bob@localhost/phone", "@", "a@b@c", "groups.localhost", "contacts", "except", "only",
            "submit", "form", "cancel", "\u00e9\u4e2d\ud83d\ude00", "x".repeat(5_000));

    @Property(tries = 1_500, seed = "1515")
    void callLogPagesAreReadOrRefusedAsBadRequest(@ForAll("rsmSets") Element set) {
        try {
            CallPageRequest page = CallPageRequest.fromRsm(set, 50);
            assertThat(page.max()).isNotNegative();
            assertThat(page.after() == null || page.before() == null).isTrue();
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 1_500, seed = "1515")
    void notificationSetsAreReadOrRefusedAsBadRequest(@ForAll("notificationSets") Element set) {
        try {
            NotificationsXml.previews(set);
            for (Element chat : set.elements("chat")) {
                ChatSetting setting = NotificationsXml.chat(chat);
                assertThat(setting).isNotNull();
            }
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 1_500, seed = "1515")
    void pushEnableOptionsAreReadOrRefused(@ForAll("enables") Element enable) {
        try {
            String options = PushXml.publishOptions(enable, 4_096);
            assertThat(options == null || options.length() <= 4_096 * 4).isTrue();
        } catch (IllegalArgumentException | PushXml.OversizeException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 300, seed = "1515")
    void storyAudiencesAreKnownOrEmpty(@ForAll("values") String value) {
        AudienceMode.of(value).ifPresent(mode -> assertThat(mode).isNotNull());
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(Arbitraries.of(CORPUS), Arbitraries.strings().ofMaxLength(30),
                Arbitraries.integers().map(Object::toString), Arbitraries.longs().map(Object::toString));
    }

    @Provide
    Arbitrary<Element> rsmSets() {
        Arbitrary<FuzzElement> child = Combinators.combine(Arbitraries.of("max", "after", "before", "index",
                "first", "x"), values()).as((name, text) -> new FuzzElement(name, "http://jabber.org/protocol/rsm",
                List.of(), text, List.of()));
        return child.list().ofMaxSize(4).map(children -> new FuzzElement("set", "http://jabber.org/protocol/rsm",
                List.of(), null, children).build());
    }

    @Provide
    Arbitrary<Element> notificationSets() {
        Arbitrary<String[]> attribute = Combinators.combine(Arbitraries.of("jid", "muted-until", "level",
                "previews", "other"), values()).as((name, value) -> new String[] {name, value});
        Arbitrary<FuzzElement> chat = Combinators.combine(Arbitraries.of("chat", "webpush", "unread"),
                attribute.list().ofMaxSize(4)).as((name, attributes) -> new FuzzElement(name,
                NotificationsXml.NAMESPACE, attributes, null, List.of()));
        return Combinators.combine(attribute.list().ofMaxSize(2), chat.list().ofMaxSize(4))
                .as((attributes, chats) -> new FuzzElement(NotificationsXml.ELEMENT, NotificationsXml.NAMESPACE,
                        attributes, null, chats).build());
    }

    @Provide
    Arbitrary<Element> enables() {
        Arbitrary<String[]> attribute = Combinators.combine(Arbitraries.of("type", "var", "jid", "node"), values())
                .as((name, value) -> new String[] {name, value});
        Arbitrary<FuzzElement> field = Combinators.combine(Arbitraries.of("field", "value", "x"),
                attribute.list().ofMaxSize(2), values()).as((name, attributes, text) -> new FuzzElement(name,
                PushXml.DATA_FORMS, attributes, text, List.of()));
        Arbitrary<FuzzElement> form = Combinators.combine(Arbitraries.of(PushXml.DATA_FORMS, PushXml.NAMESPACE, ""),
                attribute.list().ofMaxSize(2), field.list().ofMaxSize(3))
                .as((namespace, attributes, fields) -> new FuzzElement("x", namespace, attributes, null, fields));
        return Combinators.combine(attribute.list().ofMaxSize(3), form.list().ofMaxSize(2))
                .as((attributes, forms) -> new FuzzElement("enable", PushXml.NAMESPACE, attributes, null, forms)
                        .build());
    }
}
