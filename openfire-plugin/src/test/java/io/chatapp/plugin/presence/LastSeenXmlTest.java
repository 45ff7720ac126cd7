package io.chatapp.plugin.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;

/** The last-seen privacy element of docs/protocol.md. */
class LastSeenXmlTest {

    private static Element xml(String text) throws Exception {
        return DocumentHelper.parseText(text).getRootElement();
    }

    /** The element as it reads after going over the wire (dom4j writes parsed empty elements differently). */
    private static String reparsed(Element element) throws Exception {
        return xml(element.asXML()).asXML();
    }

    @Test
    void setsNameAVisibility() throws Exception {
        Element set = xml("<iq type='set' id='p1'><last-seen xmlns='urn:chatapp:last-seen:0' visibility='nobody'/></iq>")
                .elements().get(0);

        assertThat(LastSeenXml.parse(set)).contains(LastSeenVisibility.NOBODY);
        for (LastSeenVisibility visibility : LastSeenVisibility.values()) {
            assertThat(LastSeenXml.parse(LastSeenXml.render(visibility))).contains(visibility);
        }
    }

    @Test
    void answersAreWrittenAsTheProtocolShows() throws Exception {
        Element expected = xml("<iq type='result' id='p2'>"
                + "<last-seen xmlns='urn:chatapp:last-seen:0' visibility='nobody'/></iq>").elements().get(0);

        assertThat(reparsed(LastSeenXml.render(LastSeenVisibility.NOBODY))).isEqualTo(expected.asXML());
        assertThat(LastSeenXml.render(LastSeenVisibility.EVERYONE).attributeValue("visibility")).isEqualTo("everyone");
        assertThat(LastSeenXml.render(LastSeenVisibility.CONTACTS).attributeValue("visibility")).isEqualTo("contacts");
    }

    @Test
    void unknownOrMissingVisibilitiesAreBadRequests() throws Exception {
        for (String element : List.of("<last-seen xmlns='urn:chatapp:last-seen:0'/>",
                "<last-seen xmlns='urn:chatapp:last-seen:0' visibility='friends'/>",
                "<last-seen xmlns='urn:chatapp:last-seen:0' visibility='NOBODY'/>",
                "<last-seen xmlns='urn:chatapp:last-seen:0' visibility=''/>",
                "<last-seen xmlns='urn:other' visibility='nobody'/>",
                "<seen xmlns='urn:chatapp:last-seen:0' visibility='nobody'/>")) {
            assertThat(LastSeenXml.parse(xml(element))).as(element).isEmpty();
        }
        assertThat(LastSeenXml.parse(null)).isEmpty();
        assertThat(LastSeenXml.parse(LastSeenXml.request())).as("a get carries no visibility").isEmpty();
    }

    @Test
    void getRequestsAreAnEmptyElement() throws Exception {
        assertThat(reparsed(LastSeenXml.request())).isEqualTo(xml("<last-seen xmlns='urn:chatapp:last-seen:0'/>").asXML());
    }
}
