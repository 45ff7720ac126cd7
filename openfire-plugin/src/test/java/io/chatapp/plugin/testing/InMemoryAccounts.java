package io.chatapp.plugin.testing;

import io.chatapp.plugin.auth.Accounts;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Accounts for unit tests of the plugin without Openfire (the real ones are Openfire's, in the adapter). */
public final class InMemoryAccounts implements Accounts {

    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final Set<String> admins = ConcurrentHashMap.newKeySet();

    public InMemoryAccounts add(String username, String password) {
        passwords.put(username, password);
        return this;
    }

    public InMemoryAccounts admin(String username, String password) {
        admins.add(username);
        return add(username, password);
    }

    @Override
    public void delete(String username) {
        passwords.remove(username);
    }

    @Override
    public boolean create(String username, String password) {
        return passwords.putIfAbsent(username, password) == null;
    }

    @Override
    public void changePassword(String username, String newPassword) {
        passwords.replace(username, newPassword);
    }

    /** Sessions closed so far, per user: the in-memory store has no sessions, so it only counts requests. */
    public final Map<String, Integer> closedSessions = new ConcurrentHashMap<>();

    @Override
    public int closeSessions(String username) {
        closedSessions.merge(username, 1, Integer::sum);
        return 0;
    }

    @Override
    public boolean checkPassword(String username, String password) {
        return password.equals(passwords.get(username));
    }

    @Override
    public boolean exists(String username) {
        return username != null && passwords.containsKey(asOpenfireLooksUp(username));
    }

    /**
     * What Openfire's user store does with a name before looking it up: trimmed, lower-cased, and a bare JID of the
     * local domain taken for its user name. So {@code alice@example.org} "exists", as it does in Openfire, which is
     * why the plugin must bring every name to one spelling itself.
     */
    private String asOpenfireLooksUp(String username) {
        String name = username.trim().toLowerCase(java.util.Locale.ROOT);
        int at = name.lastIndexOf('@');
        return at >= 0 && name.substring(at + 1).equals(domain()) ? name.substring(0, at) : name;
    }

    @Override
    public Set<String> roles(String username) {
        return admins.contains(username) ? Set.of("user", "admin") : Set.of("user");
    }

    @Override
    public String domain() {
        return "example.org";
    }
}
