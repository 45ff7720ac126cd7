package io.chatapp.client;

/**
 * Told when someone asks to add this account as a contact; answer with {@link ContactList#accept(String)}
 * or {@link ContactList#decline(String)}. Called on the client's event thread.
 */
@FunctionalInterface
public interface ContactRequestListener {

    void onContactRequest(String fromJid);
}
