package io.chatapp.client;

import io.chatapp.client.internal.EventDispatcher;
import io.chatapp.client.internal.Failures;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.SubscribeListener.SubscribeAnswer;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The account's contact list (XMPP roster) and presence subscriptions. Adding a contact asks them to share
 * presence; when they accept, this side approves their request back automatically, so both see each other.
 * Requests from people not on the list are passed to {@link ContactRequestListener}s to accept or decline.
 */
public final class ContactList {

    private final ExecutorService io;
    private final EventDispatcher<ContactRequestListener> requestListeners;
    // Replaced together when the client switches between password and token login (see ChatClient).
    private volatile XMPPTCPConnection connection;
    private volatile Roster roster;

    ContactList(XMPPTCPConnection connection, ExecutorService io, ExecutorService events) {
        this.io = io;
        this.requestListeners = new EventDispatcher<>(events);
        attach(connection);
    }

    /** Follows the client's (new) connection: its roster and its contact requests. */
    void attach(XMPPTCPConnection newConnection) {
        Roster newRoster = Roster.getInstanceFor(newConnection);
        newRoster.setSubscriptionMode(Roster.SubscriptionMode.manual);
        newRoster.addSubscribeListener((from, presence) -> {
            RosterEntry entry = newRoster.getEntry(from.asBareJid());
            if (entry != null && (entry.canSeeHisPresence() || entry.isSubscriptionPending())) {
                // We asked them first: their request is the other half of a mutual add.
                return SubscribeAnswer.Approve;
            }
            String requester = from.asBareJid().toString();
            requestListeners.fire(listener -> listener.onContactRequest(requester));
            return null; // left for the app to answer
        });
        this.connection = newConnection;
        this.roster = newRoster;
    }

    /** Adds a contact and asks to see their presence. {@code name} may be empty. */
    public CompletableFuture<Void> add(String jid, String name) {
        return run(() -> {
            BareJid contact = bare(jid);
            roster.createItemAndRequestSubscription(contact, name == null || name.isBlank() ? null : name, null);
        });
    }

    /** Accepts someone's request to add this account, and asks to see their presence in return. */
    public CompletableFuture<Void> accept(String jid) {
        return run(() -> {
            BareJid contact = bare(jid);
            send(contact, Presence.Type.subscribed);
            RosterEntry entry = roster.getEntry(contact);
            if (entry == null || !entry.canSeeHisPresence()) {
                roster.createItemAndRequestSubscription(contact, null, null);
            }
        });
    }

    /** Declines someone's request to add this account. */
    public CompletableFuture<Void> decline(String jid) {
        return run(() -> send(bare(jid), Presence.Type.unsubscribed));
    }

    /** The contacts as last received from the server, sorted by address. */
    public List<Contact> list() {
        return roster.getEntries().stream()
                .map(entry -> new Contact(entry.getJid().toString(),
                        entry.getName() == null ? "" : entry.getName(),
                        Subscription.valueOf(entry.getType().name().toUpperCase(java.util.Locale.ROOT)),
                        entry.isSubscriptionPending()))
                .sorted(Comparator.comparing(Contact::jid))
                .toList();
    }

    /** True when the contact has at least one device online, as far as this client has seen. */
    public boolean isOnline(String jid) {
        try {
            return roster.getPresence(bare(jid)).isAvailable();
        } catch (org.jxmpp.stringprep.XmppStringprepException e) {
            throw Failures.translate(e);
        }
    }

    public ListenerRegistration onRequest(ContactRequestListener listener) {
        return requestListeners.add(listener);
    }

    private void send(BareJid to, Presence.Type type) throws Exception {
        connection.sendStanza(connection.getStanzaFactory().buildPresenceStanza().ofType(type).to(to).build());
    }

    private BareJid bare(String jid) throws org.jxmpp.stringprep.XmppStringprepException {
        return JidCreate.bareFrom(Addresses.bare(jid, connection.getXMPPServiceDomain().toString()));
    }

    private CompletableFuture<Void> run(ChatClient.Blocking action) {
        return CompletableFuture.runAsync(() -> {
            try {
                action.run();
            } catch (Exception e) {
                throw Failures.translate(e);
            }
        }, io);
    }
}
