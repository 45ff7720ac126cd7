package io.chatapp.it.faults;

/**
 * The steps of a client's login that are the same over every transport the flood tests use (RFC 6120 §6–7): SASL
 * SCRAM-SHA-1 ({@link ScramSha1}), the stream restart, resource binding and the initial presence. What differs is how
 * a stream is opened, restarted and read, which each transport's client supplies as a {@link Stream}.
 */
final class XmppLogin {

    private static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";

    private XmppLogin() {
    }

    /** One client stream, as the login needs it. */
    interface Stream {

        /** Sends one or more top-level elements. */
        void send(String xml) throws Exception;

        /**
         * The next text received that contains {@code marker}; fails on a SASL {@code <failure/>}, a stream error or
         * the stream's end, and after a bounded time.
         */
        String await(String marker) throws Exception;

        /** Restarts the stream after the SASL success (RFC 6120 §6.4.6). */
        void restart() throws Exception;
    }

    /**
     * Logs in on a stream whose features the server has sent or is sending; returns once the initial presence is
     * sent.
     */
    static void authenticateBindAndAnnounce(Stream stream, String username, String password, String resource)
            throws Exception {
        stream.await("mechanism");
        ScramSha1 scram = new ScramSha1(username, password);
        stream.send("<auth xmlns='" + SASL + "' mechanism='SCRAM-SHA-1'>" + scram.clientFirst() + "</auth>");
        String challenge = stream.await("<challenge");
        int start = challenge.indexOf('>', challenge.indexOf("<challenge")) + 1;
        stream.send("<response xmlns='" + SASL + "'>"
                + scram.clientFinal(challenge.substring(start, challenge.indexOf("</challenge>", start)))
                + "</response>");
        stream.await("<success");
        stream.restart();
        stream.await("urn:ietf:params:xml:ns:xmpp-bind");
        stream.send("<iq xmlns='jabber:client' type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                + "<resource>" + resource + "</resource></bind></iq>");
        stream.await("<jid>");
        stream.send("<presence xmlns='jabber:client'/>");
    }
}
