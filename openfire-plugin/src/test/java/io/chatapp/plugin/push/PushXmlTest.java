package io.chatapp.plugin.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;

class PushXmlTest {

    private static Element xml(String text) throws Exception {
        return DocumentHelper.parseText(text).getRootElement();
    }

    @Test
    void theSummaryFormCarriesTheCountSenderTextAndPriorityAndThePublishOptionsAsGiven() throws Exception {
        String options = PushXml.publishOptions(xml("<enable xmlns='urn:xmpp:push:0' jid='p' node='n'>"
                + "<x xmlns='jabber:x:data' type='submit'><field var='secret'><value>s</value></field></x></enable>"),
                4096);
        Element publish = PushXml.publish(new PushRegistration("bob", "phone", "p", "n", options),
                new PushSummary(2, "alice@example", "hi", true));
        String text = publish.asXML();
        assertThat(text).contains("<publish node=\"n\">", "urn:xmpp:push:summary",
                "<field var=\"message-count\"><value>2</value>", "<value>alice@example</value>",
                "<field var=\"last-message-body\"><value>hi</value>",
                "<field var=\"last-message-priority\"><value>high</value>", "<publish-options>",
                "<field var=\"secret\"><value>s</value>");
        assertThat(PushXml.publish(new PushRegistration("bob", "phone", "p", "n", null),
                new PushSummary(1, "alice@example", null, false)).asXML())
                .doesNotContain("last-message-body", "priority", "publish-options");
    }

    @Test
    void publishOptionsMustBeASubmittedFormOfBoundedSize() throws Exception {
        assertThat(PushXml.publishOptions(xml("<enable xmlns='urn:xmpp:push:0'/>"), 100)).isNull();
        assertThatThrownBy(() -> PushXml.publishOptions(xml("<enable xmlns='urn:xmpp:push:0'><x xmlns='jabber:x:data'"
                + " type='form'/></enable>"), 4096)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PushXml.publishOptions(xml("<enable xmlns='urn:xmpp:push:0'><other/></enable>"),
                4096)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PushXml.publishOptions(xml("<enable xmlns='urn:xmpp:push:0'><x xmlns='jabber:x:data'"
                + " type='submit'><field var='secret'><value>" + "x".repeat(300) + "</value></field></x></enable>"),
                256)).isInstanceOf(PushXml.OversizeException.class);
    }

    @Test
    void mentionsAreOurElementOrXep0372References() throws Exception {
        Mentions mentions = Mentions.of(xml("<message xmlns='jabber:client'><body>hi</body>"
                + "<mention xmlns='urn:chatapp:notifications:0' jid='Bob@Example/phone'/>"
                + "<reference xmlns='urn:xmpp:reference:0' type='mention' uri='xmpp:carol@example?message'/>"
                + "<reference xmlns='urn:xmpp:reference:0' type='data' uri='xmpp:dave@example'/></message>"));
        assertThat(mentions.names("bob@example")).isTrue();
        assertThat(mentions.names("carol@example")).isTrue();
        assertThat(mentions.names("dave@example")).isFalse();
    }
}
