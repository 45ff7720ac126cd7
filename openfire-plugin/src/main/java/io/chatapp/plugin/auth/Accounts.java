package io.chatapp.plugin.auth;

import java.util.Set;

/** What the token service needs to know about accounts; Openfire's user store answers it (see the adapter). */
public interface Accounts {

    /** True when the user exists and the password is right. */
    boolean checkPassword(String username, String password);

    /** True when the account exists (a deleted account's tokens stop working at once). */
    boolean exists(String username);

    /** The roles of the account: always {@code user}, plus {@code admin} for Openfire's admins. */
    Set<String> roles(String username);

    /** The XMPP domain, for bare JIDs. */
    String domain();
}
