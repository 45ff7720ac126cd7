package io.chatapp.plugin.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import java.time.Instant;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;

class MamQueryParserTest {

    private final MamQueryParser parser = new MamQueryParser(250);

    @Test
    void readsTheFormAndTheRsmSet() throws Exception {
        MamRequest request = parser.parse(query("<field var='with'><value>Bob@Example.com</value></field>"
                + "<field var='start'><value>2026-11-24T10:00:00Z</value></field>"
                + "<field var='end'><value>2026-11-24T12:00:00+01:00</value></field>",
                "<max>20</max><after>42</after>"));

        assertThat(request.queryId()).isEqualTo("q1");
        ArchiveQuery query = request.query();
        assertThat(query.with()).isEqualTo("bob@example.com");
        assertThat(query.start()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(query.end()).isEqualTo(Instant.parse("2026-11-24T11:00:00Z"));
        assertThat(query.afterId()).isEqualTo(42L);
        assertThat(query.max()).isEqualTo(20);
        assertThat(query.fromEnd()).isFalse();
    }

    @Test
    void anEmptyBeforeAsksForTheLastPageAndMaxIsCapped() throws Exception {
        ArchiveQuery query = parser.parse(query("", "<max>100000</max><before/>")).query();
        assertThat(query.fromEnd()).isTrue();
        assertThat(query.beforeId()).isNull();
        assertThat(query.max()).isEqualTo(250);
    }

    @Test
    void beforeIdAndAfterIdFieldsCombineWithRsm() throws Exception {
        ArchiveQuery query = parser.parse(query("<field var='after-id'><value>10</value></field>"
                + "<field var='before-id'><value>90</value></field>", "<after>20</after><before>80</before>"))
                .query();
        assertThat(query.afterId()).isEqualTo(20L);
        assertThat(query.beforeId()).isEqualTo(80L);
        assertThat(query.fromEnd()).isTrue();
    }

    @Test
    void noFormMeansTheWholeArchiveFiftyAtATime() throws Exception {
        ArchiveQuery query = parser.parse(DocumentHelper.parseText(
                "<query xmlns='urn:xmpp:mam:2'/>").getRootElement()).query();
        assertThat(query.with()).isNull();
        assertThat(query.max()).isEqualTo(50);
    }

    @Test
    void clientMistakesGetTheirXep0313Errors() {
        assertError(query("<field var='start'><value>yesterday</value></field>", ""), StanzaError.BAD_REQUEST);
        assertError(query("<field var='with'><value>@@</value></field>", ""), StanzaError.BAD_REQUEST);
        assertError(query("", "<max>-1</max>"), StanzaError.BAD_REQUEST);
        assertError(query("", "<max>ten</max>"), StanzaError.BAD_REQUEST);
        assertError(query("", "<after>not-an-id</after>"), StanzaError.BAD_REQUEST);
        assertError(query("", "<before>abc</before>"), StanzaError.BAD_REQUEST);
        assertError(query("", "<after>-5</after>"), StanzaError.BAD_REQUEST);
        assertError(query("", "<before>99999999999999999999</before>"), StanzaError.BAD_REQUEST);
        assertError(query("<field var='before-id'><value>abc</value></field>", ""), StanzaError.BAD_REQUEST);
        assertError(query("<field var='after-id'><value>0123</value></field>", ""), StanzaError.BAD_REQUEST);
        assertError(query("", "<index>3</index>"), StanzaError.FEATURE_NOT_IMPLEMENTED);
        assertError(query("<field var='ids'><value>1</value></field>", ""), StanzaError.FEATURE_NOT_IMPLEMENTED);
        assertError(query("<field var='with'><value>bob@example.com/phone</value></field>", ""),
                StanzaError.FEATURE_NOT_IMPLEMENTED);
        assertError(form("urn:example:other", ""), StanzaError.BAD_REQUEST);
    }

    private void assertError(Element query, StanzaError expected) {
        assertThatThrownBy(() -> parser.parse(query)).isInstanceOfSatisfying(StanzaErrorException.class,
                e -> assertThat(e.error()).isEqualTo(expected));
    }

    private static Element query(String fields, String set) {
        return form(MamQueryParser.NAMESPACE, fields, set);
    }

    private static Element form(String formType, String fields) {
        return form(formType, fields, "");
    }

    private static Element form(String formType, String fields, String set) {
        try {
            return DocumentHelper.parseText("<query xmlns='urn:xmpp:mam:2' queryid='q1'>"
                    + "<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE' type='hidden'><value>"
                    + formType + "</value></field>" + fields + "</x>"
                    + (set.isEmpty() ? "" : "<set xmlns='http://jabber.org/protocol/rsm'>" + set + "</set>")
                    + "</query>").getRootElement();
        } catch (org.dom4j.DocumentException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
