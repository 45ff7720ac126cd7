package io.chatapp.plugin.openfire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;

/**
 * The plugin's account features are added to the disco#info a user gets about their own bare JID, whichever
 * Openfire built it: 5.x lists only its own account features there, 4.2 the server's (ours included already).
 */
class AccountDiscoFeaturesTest {

    private static final String MAM = "urn:xmpp:mam:2";

    @Test
    void theOwnAccountsAnswerGetsTheFeaturesOnce() throws Exception {
        AccountDiscoFeatures features = features();
        IQ answer = answer("alice@example.org", "alice@example.org/phone", "", "urn:xmpp:sid:0");
        features.interceptPacket(answer, null, false, false);
        assertThat(vars(answer)).containsExactly("urn:xmpp:sid:0", MAM);
    }

    @Test
    void otherAnswersAreLeftAlone() throws Exception {
        AccountDiscoFeatures features = features();
        List<IQ> others = List.of(
                answer("bob@example.org", "alice@example.org/phone", ""),
                answer("example.org", "alice@example.org/phone", ""),
                answer("alice@example.org", "alice@example.org/phone", " node='http://example.org#caps'"),
                answer("alice@other.example", "alice@other.example/phone", ""),
                answer("team@groups.example.org", "alice@example.org/phone", ""));
        for (IQ other : others) {
            features.interceptPacket(other, null, false, false);
            assertThat(vars(other)).as(other.toXML()).isEmpty();
        }
        IQ incoming = answer("alice@example.org", "alice@example.org/phone", "");
        features.interceptPacket(incoming, null, true, false);
        assertThat(vars(incoming)).isEmpty();
    }

    @Test
    void aRemovedFeatureIsNoLongerAdded() throws Exception {
        AccountDiscoFeatures features = features();
        features.remove(MAM);
        IQ answer = answer("alice@example.org", "alice@example.org/phone", "");
        features.interceptPacket(answer, null, false, false);
        assertThat(vars(answer)).isEmpty();
    }

    private static AccountDiscoFeatures features() {
        AccountDiscoFeatures features = new AccountDiscoFeatures("example.org");
        features.add(MAM);
        return features;
    }

    private static IQ answer(String from, String to, String node, String... listed) throws Exception {
        StringBuilder xml = new StringBuilder("<iq type='result' id='d1' from='" + from + "' to='" + to
                + "'><query xmlns='http://jabber.org/protocol/disco#info'" + node + ">");
        for (String feature : listed) {
            xml.append("<feature var='").append(feature).append("'/>");
        }
        return new IQ(DocumentHelper.parseText(xml.append("</query></iq>").toString()).getRootElement());
    }

    private static List<String> vars(IQ iq) {
        return iq.getChildElement().elements("feature").stream().map(e -> ((Element) e).attributeValue("var"))
                .toList();
    }
}
