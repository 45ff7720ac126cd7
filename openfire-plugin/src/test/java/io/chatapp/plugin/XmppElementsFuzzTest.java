package io.chatapp.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.plugin.presence.LastSeenXml;
import io.chatapp.plugin.receipts.ReceiptsXml;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.dom4j.Element;

/**
 * Fuzzing of the server's readers of our custom elements (jqwik, fixed seed, bounded tries): message info and read
 * marks requests ({@code urn:chatapp:receipts:0}), incoming XEP-0184 receipts and XEP-0333 markers, and the last-seen
 * privacy set ({@code urn:chatapp:last-seen:0}). Whatever element a client sends, each reader answers "not mine /
 * bad request" (empty) or a value; none throws, which would become internal-server-error.
 */
class XmppElementsFuzzTest {

    @Property(tries = 3_000, seed = "1515")
    void readersNeverThrow(@ForAll("elements") Element element) {
        ReceiptsXml.parseInfoRequest(element).ifPresent(reference -> assertThat(reference).isNotBlank());
        ReceiptsXml.parseReadMarksRequest(element).ifPresent(request -> assertThat(request).isNotNull());
        ReceiptsXml.receivedId(element).ifPresent(id -> assertThat(id).isNotBlank());
        ReceiptsXml.displayedId(element).ifPresent(id -> assertThat(id).isNotBlank());
        LastSeenXml.parse(element).ifPresent(visibility -> assertThat(visibility).isNotNull());
    }

    @Provide
    Arbitrary<Element> elements() {
        Arbitrary<String> names = Arbitraries.of("info", "read-marks", "last-seen", "received", "displayed",
                "message", "mark", "recipient", "x");
        Arbitrary<String> namespaces = Arbitraries.of(ReceiptsXml.NAMESPACE, LastSeenXml.NAMESPACE,
                ReceiptsXml.DELIVERY_RECEIPTS, ReceiptsXml.CHAT_MARKERS, "jabber:client", "", "urn:other");
        Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(20),
                Arbitraries.of("", " ", "bob@example.com", "bob@example.com/phone", "@", "a@b@c", "/x", "everyone",
                        "contacts", "nobody", "EVERYONE", "00000000000000001", "-1", "x".repeat(3_000)));
        Arbitrary<String[]> attribute = Combinators.combine(Arbitraries.of("id", "with", "visibility",
                "stanza-id", "xmlns", "other"), values).as((name, value) -> new String[] {name, value});
        Arbitrary<FuzzElement> leaf = Combinators.combine(names, namespaces, attribute.list().ofMaxSize(3))
                .as((name, namespace, attributes) -> new FuzzElement(name, namespace, attributes, null, List.of()));
        Arbitrary<FuzzElement> parent = Combinators.combine(names, namespaces, attribute.list().ofMaxSize(3),
                leaf.list().ofMaxSize(3)).as((name, namespace, attributes, children) -> new FuzzElement(name,
                namespace, attributes, null, children));
        return parent.map(FuzzElement::build);
    }
}
