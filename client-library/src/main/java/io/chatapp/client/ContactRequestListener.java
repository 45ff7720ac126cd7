package io.chatapp.client;

/**
 * Told when someone asks to add this account as a contact; answer with {@link ChatClient#acceptContact(String)}
 * or {@link ChatClient#declineContact(String)}. Called on the client's event thread.
 */
@FunctionalInterface
public interface ContactRequestListener {

    void onContactRequest(String fromJid);
}
