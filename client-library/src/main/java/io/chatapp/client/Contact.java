package io.chatapp.client;

/**
 * An entry of this account's contact list (roster).
 *
 * @param jid          the contact's bare address
 * @param name         the name given to the contact, or empty
 * @param subscription who sees whose presence
 * @param pending      true while our request to see their presence awaits their answer
 */
public record Contact(String jid, String name, Subscription subscription, boolean pending) {

    /** True when both sides see each other's presence. */
    public boolean mutual() {
        return subscription == Subscription.BOTH;
    }
}
