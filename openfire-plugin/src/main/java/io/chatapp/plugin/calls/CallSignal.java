package io.chatapp.plugin.calls;

/**
 * One XEP-0353 Jingle Message Initiation signal the server routed, as the call log reads it.
 *
 * @param callId the JMI (and Jingle session) id
 * @param from   the sender's bare JID
 * @param to     the recipient's bare JID
 * @param video  for a propose: whether one of its descriptions is video
 * @param reason the Jingle reason's condition of a reject, retract or finish ({@code busy}, {@code success}, …), or
 *               null
 */
public record CallSignal(Kind kind, String callId, String from, String to, boolean video, String reason) {

    /** The JMI element, by its name. */
    public enum Kind {
        PROPOSE, RINGING, PROCEED, REJECT, RETRACT, FINISH;

        /** The kind of the element named {@code name}, or null for another element. */
        public static Kind named(String name) {
            for (Kind kind : values()) {
                if (kind.name().equalsIgnoreCase(name)) {
                    return kind;
                }
            }
            return null;
        }
    }
}
