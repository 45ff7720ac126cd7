package io.chatapp.client.internal.calls;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.jivesoftware.smack.UnparseableStanza;
import org.jivesoftware.smack.parsing.ParsingExceptionCallback;

/**
 * What happens to a stanza the client cannot parse (a JMI message without an id, a broken extension from some
 * peer): Smack's default closes the connection, which would let any peer drop our user with one bad stanza. This
 * logs and drops it instead. (Jingle requests are never unparseable: their provider reads a broken one as
 * malformed, and the registry answers it bad-request.)
 */
final class IgnoreUnparseable implements ParsingExceptionCallback {

    private static final Logger LOG = Logger.getLogger(IgnoreUnparseable.class.getName());

    @Override
    public void handleUnparsableStanza(UnparseableStanza stanza) {
        LOG.log(Level.INFO, "Dropped an unparseable stanza: " + stanza.getParsingException());
    }
}
