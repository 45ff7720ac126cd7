package io.chatapp.plugin.xmpp;

/** A request the plugin refuses with a stanza error; the message is the human-readable {@code <text/>}. */
public final class StanzaErrorException extends RuntimeException {

    private final StanzaError error;

    public StanzaErrorException(StanzaError error, String text) {
        super(text, null, false, false);
        this.error = error;
    }

    public StanzaError error() {
        return error;
    }
}
