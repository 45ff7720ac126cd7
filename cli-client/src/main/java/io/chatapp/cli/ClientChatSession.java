package io.chatapp.cli;

import io.chatapp.client.ChatClient;
import io.chatapp.client.Contact;
import java.util.List;

/** The shell's {@link ChatSession} on a logged-in {@link ChatClient}. */
final class ClientChatSession implements ChatSession {

    private final ChatClient client;
    private final String domain;

    ClientChatSession(ChatClient client, String domain) {
        this.client = client;
        this.domain = domain;
    }

    @Override
    public String domain() {
        return domain;
    }

    @Override
    public void send(String toBareJid, String text) {
        Await.result(client.sendMessage(toBareJid, text), "sending");
    }

    @Override
    public List<Contact> contacts() {
        return client.contacts().list();
    }

    @Override
    public boolean isOnline(String bareJid) {
        return client.contacts().isOnline(bareJid);
    }

    @Override
    public void addContact(String bareJid, String name) {
        Await.result(client.contacts().add(bareJid, name), "adding the contact");
    }

    @Override
    public void acceptContact(String bareJid) {
        Await.result(client.contacts().accept(bareJid), "accepting");
    }

    @Override
    public void declineContact(String bareJid) {
        Await.result(client.contacts().decline(bareJid), "declining");
    }

    @Override
    public void setStatus(String mode, String text) {
        Await.result(client.setStatus(mode, text), "setting the status");
    }
}
