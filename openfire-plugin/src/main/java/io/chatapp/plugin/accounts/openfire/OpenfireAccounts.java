package io.chatapp.plugin.accounts.openfire;

import io.chatapp.plugin.auth.Accounts;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jivesoftware.openfire.SessionManager;
import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.auth.AuthFactory;
import org.jivesoftware.openfire.auth.UnauthorizedException;
import org.jivesoftware.openfire.session.ClientSession;
import org.jivesoftware.openfire.user.UserAlreadyExistsException;
import org.jivesoftware.openfire.user.UserManager;
import org.jivesoftware.openfire.user.UserNotFoundException;
import org.jivesoftware.util.JiveGlobals;

/** Accounts as Openfire knows them: its user store, its password check and its admin list. */
public final class OpenfireAccounts implements Accounts {

    private final String domain = XMPPServer.getInstance().getServerInfo().getXMPPDomain();

    @Override
    public boolean checkPassword(String username, String password) {
        try {
            AuthFactory.authenticate(username, password);
            return true;
        } catch (UnauthorizedException e) {
            return false;
        } catch (Exception e) {
            // e.g. ConnectionException or InternalUnauthenticatedException in some versions: not authenticated.
            return false;
        }
    }

    @Override
    public boolean exists(String username) {
        try {
            UserManager.getInstance().getUser(username);
            return true;
        } catch (UserNotFoundException e) {
            return false;
        }
    }

    @Override
    public Set<String> roles(String username) {
        String admins = JiveGlobals.getProperty("admin.authorizedJIDs", "");
        String jid = (username + "@" + domain).toLowerCase(Locale.ROOT);
        boolean admin = Arrays.stream(admins.split(","))
                .map(entry -> entry.trim().toLowerCase(Locale.ROOT))
                .anyMatch(entry -> entry.equals(jid) || entry.equals(username.toLowerCase(Locale.ROOT)));
        return admin ? Set.of("user", "admin") : Set.of("user");
    }

    @Override
    public String domain() {
        return domain;
    }

    @Override
    public boolean create(String username, String password) {
        try {
            UserManager.getInstance().createUser(username, password, null, null);
            return true;
        } catch (UserAlreadyExistsException e) {
            return false;
        }
    }

    @Override
    public void changePassword(String username, String newPassword) {
        try {
            UserManager.getInstance().getUser(username).setPassword(newPassword);
        } catch (UserNotFoundException e) {
            throw new IllegalStateException("Account " + username + " vanished while changing its password", e);
        }
    }

    @Override
    public void delete(String username) {
        try {
            UserManager.getInstance().deleteUser(UserManager.getInstance().getUser(username));
        } catch (UserNotFoundException e) {
            // Already gone: the plugin's data is removed all the same.
        }
    }

    @Override
    public int closeSessions(String username) {
        // A copy: closing a session removes it from the collection Openfire hands out.
        List<ClientSession> sessions = List.copyOf(SessionManager.getInstance().getSessions(username));
        sessions.forEach(ClientSession::close);
        return sessions.size();
    }
}
