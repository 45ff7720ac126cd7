package io.chatapp.plugin.auth;

import java.util.Set;

/**
 * The accounts of the XMPP server's user store, which owns them and their (hashed) passwords; Openfire's user store
 * answers it (see the adapter). Everything else the plugin keeps about an account is in {@code accounts}.
 */
public interface Accounts {

    /** True when the user exists and the password is right. */
    boolean checkPassword(String username, String password);

    /** True when the account exists (a deleted account's tokens stop working at once). */
    boolean exists(String username);

    /** The roles of the account: always {@code user}, plus {@code admin} for Openfire's admins. */
    Set<String> roles(String username);

    /** The XMPP domain, for bare JIDs. */
    String domain();

    /** Creates the account; false when the name is taken. The password is hashed by the user store. */
    boolean create(String username, String password);

    /** Replaces the password (the user store hashes it anew). */
    void changePassword(String username, String newPassword);

    /** Deletes the account from the user store (roster, offline messages and vCard go with it). */
    void delete(String username);

    /** Closes every live XMPP session of the user, on every cluster node; returns how many were closed. */
    int closeSessions(String username);
}
