package io.chatapp.client.internal.calls;

import io.chatapp.client.internal.calls.jingle.JingleIQ;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jivesoftware.smack.UnparseableStanza;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.parsing.ParsingExceptionCallback;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jxmpp.jid.impl.JidCreate;

/**
 * What happens to a stanza the client cannot parse (a Jingle request with garbage in a field the SDP mapping needs,
 * a JMI message without an id): Smack's default closes the connection, which would let any peer drop our user. This
 * logs it instead and answers a request ({@code iq} get or set) with {@code bad-request}, as RFC 6120 asks.
 */
final class UnparseableRequests implements ParsingExceptionCallback {

    private static final Logger LOG = Logger.getLogger(UnparseableRequests.class.getName());

    private final XMPPTCPConnection connection;

    UnparseableRequests(XMPPTCPConnection connection) {
        this.connection = connection;
    }

    @Override
    public void handleUnparsableStanza(UnparseableStanza stanza) {
        LOG.log(Level.INFO, "Ignored an unparseable stanza: " + stanza.getParsingException());
        try {
            XmlPullParser parser = PacketParserUtils.getParserFor(stanza.getContent().toString());
            String type = parser.getAttributeValue("", "type");
            if (!"iq".equals(parser.getName()) || !("set".equals(type) || "get".equals(type))) {
                return;
            }
            IQ request = new JingleIQ("unparseable", "", null, null, java.util.List.of(), null, null, null);
            request.setType("get".equals(type) ? IQ.Type.get : IQ.Type.set);
            request.setStanzaId(parser.getAttributeValue("", "id"));
            String from = parser.getAttributeValue("", "from");
            request.setFrom(from == null ? null : JidCreate.from(from));
            connection.sendStanza(IQ.createErrorResponse(request, StanzaError.getBuilder(
                    StanzaError.Condition.bad_request).setDescriptiveEnText("Malformed request").build()));
        } catch (Exception e) {
            LOG.log(Level.FINE, "Could not answer an unparseable request", e);
        }
    }
}
