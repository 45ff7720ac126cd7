package io.chatapp.cli;

import io.chatapp.client.Contact;
import java.util.List;

/**
 * What the interactive shell does with a logged-in account. Each call waits for the server and fails with a
 * {@link CliException} carrying a clear message.
 */
public interface ChatSession {

    /** The account's XMPP domain, appended to bare user names. */
    String domain();

    void send(String toBareJid, String text);

    List<Contact> contacts();

    boolean isOnline(String bareJid);

    void addContact(String bareJid, String name);

    void acceptContact(String bareJid);

    void declineContact(String bareJid);

    /** @param mode one of {@link ShellInterpreter#MODES} */
    void setStatus(String mode, String text);
}
