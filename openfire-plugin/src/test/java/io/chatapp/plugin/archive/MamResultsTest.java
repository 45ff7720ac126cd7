package io.chatapp.plugin.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;

class MamResultsTest {

    private static final long ID = ArchiveIds.lowestAt(Instant.parse("2026-11-24T10:15:30.123Z"));

    @Test
    void aResultForwardsTheStoredStanzaInTheClientNamespaceWithItsTime() {
        ArchivedMessage message = new ArchivedMessage(ID, "alice@example.com", "bob@example.com", "m1", "m1",
                "<message from='alice@example.com/phone' to='bob@example.com' type='chat' id='m1'>"
                        + "<body>hi &amp; bye</body><origin-id xmlns='urn:xmpp:sid:0' id='m1'/></message>", null);

        Element result = MamResults.result(message, "q1");

        assertThat(result.getNamespaceURI()).isEqualTo(MamQueryParser.NAMESPACE);
        assertThat(result.attributeValue("queryid")).isEqualTo("q1");
        assertThat(result.attributeValue("id")).isEqualTo(ArchiveIds.format(ID));
        Element forwarded = result.element("forwarded");
        assertThat(forwarded.element("delay").attributeValue("stamp")).isEqualTo("2026-11-24T10:15:30.123Z");
        Element original = forwarded.element("message");
        assertThat(original.getNamespaceURI()).isEqualTo("jabber:client");
        assertThat(original.element("body").getNamespaceURI()).isEqualTo("jabber:client");
        assertThat(original.element("body").getText()).isEqualTo("hi & bye");
        assertThat(original.element("origin-id").getNamespaceURI()).isEqualTo("urn:xmpp:sid:0");
    }

    @Test
    void aRetractedMessageIsATombstoneWithoutContent() {
        ArchivedMessage retracted = new ArchivedMessage(ID, "alice@example.com", "bob@example.com", "m1", "m1", null,
                Instant.parse("2026-11-24T11:00:00Z"));

        Element stub = MamResults.result(retracted, null).element("forwarded").element("message");

        assertThat(stub.element("body")).isNull();
        assertThat(stub.attributeValue("from")).isEqualTo("alice@example.com");
        assertThat(stub.element("retracted").getNamespaceURI()).isEqualTo("urn:xmpp:message-retract:1");
        assertThat(stub.element("retracted").attributeValue("stamp")).isEqualTo("2026-11-24T11:00:00.000Z");
        assertThat(stub.element("origin-id").attributeValue("id")).isEqualTo("m1");
    }

    @Test
    void finNamesTheFirstAndLastIdsAndCompleteness() {
        ArchivedMessage first = new ArchivedMessage(ID, "a@x", "b@x", null, null, "<message/>", null);
        ArchivedMessage last = new ArchivedMessage(ID + 1, "a@x", "b@x", null, null, "<message/>", null);

        Element fin = MamResults.fin(new ArchivePage(List.of(first, last), true));
        assertThat(fin.attributeValue("complete")).isEqualTo("true");
        assertThat(fin.element("set").elementText("first")).isEqualTo(ArchiveIds.format(ID));
        assertThat(fin.element("set").elementText("last")).isEqualTo(ArchiveIds.format(ID + 1));

        Element partial = MamResults.fin(new ArchivePage(List.of(), false));
        assertThat(partial.attributeValue("complete")).isNull();
        assertThat(partial.element("set").elements()).isEmpty();
    }

    @Test
    void theQueryFormListsTheSupportedFields() {
        assertThat(MamResults.form().element("x").elements("field")).extracting(f -> f.attributeValue("var"))
                .containsExactly("FORM_TYPE", "with", "start", "end", "after-id", "before-id");
    }
}
