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
        return passwords.containsKey(username);
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
