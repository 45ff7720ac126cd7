package io.chatapp.plugin.groups.openfire;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.muc.MultiUserChatManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MUC service whose rooms are groups ({@code chatapp.groups.service}), created at plugin start when Openfire does
 * not have it yet, so that {@code conference.<domain>} stays a plain XEP-0045 service for standard clients.
 *
 * <p>Openfire 4.2 and 5.x both have {@code MultiUserChatManager.createMultiUserChatService(subdomain, description,
 * hidden)}, but its last parameter is a {@code Boolean} in 4.2 and a {@code boolean} in 5.x: a call compiled against
 * 4.2 fails on 5.x with {@code NoSuchMethodError}. It is therefore looked up by name and shape, accepting either. Its
 * lookup {@code getMultiUserChatService(String)} has the same signature in both and is called directly. If neither
 * shape exists (a future Openfire), the plugin says what the operator has to do instead (docs/deployment.md).
 *
 * <p>The plugin never removes the service, not even the one it created, at stop: Openfire deletes a service's rooms
 * with it, and its rooms are the groups, persistent across plugin reloads and upgrades.
 */
final class GroupsMucService {

    private static final Logger LOG = LoggerFactory.getLogger(GroupsMucService.class);
    private static final String CREATE = "createMultiUserChatService";
    static final String DESCRIPTION = "Groups (chat-app)";

    private GroupsMucService() {
    }

    /** Makes sure Openfire has a MUC service on {@code subdomain.<domain>}; true when it was created now. */
    static boolean ensure(String subdomain) {
        MultiUserChatManager manager = XMPPServer.getInstance().getMultiUserChatManager();
        if (manager.getMultiUserChatService(subdomain) != null) {
            return false;
        }
        try {
            create(manager, subdomain);
        } catch (ReflectiveOperationException | RuntimeException e) {
            Throwable cause = e instanceof InvocationTargetException t && t.getCause() != null ? t.getCause() : e;
            if (manager.getMultiUserChatService(subdomain) != null) {
                return false; // another node of the cluster created it meanwhile
            }
            throw new IllegalStateException("Could not create the groups' MUC service '" + subdomain + "' ("
                    + cause + "). Create it in Openfire's admin console (Group Chat > Create new service, subdomain '"
                    + subdomain + "') and reload the plugin.", cause);
        }
        LOG.info("Created the MUC service '{}' for groups", subdomain);
        return true;
    }

    private static void create(MultiUserChatManager manager, String subdomain) throws ReflectiveOperationException {
        creator(manager.getClass()).invoke(manager, subdomain, DESCRIPTION, Boolean.FALSE);
    }

    /** {@code createMultiUserChatService(String, String, Boolean | boolean)} of the running Openfire. */
    static Method creator(Class<?> manager) throws NoSuchMethodException {
        for (Class<?> hidden : new Class<?>[] {Boolean.class, boolean.class}) {
            try {
                return manager.getMethod(CREATE, String.class, String.class, hidden);
            } catch (NoSuchMethodException e) {
                // try the other shape
            }
        }
        throw new NoSuchMethodException(manager.getName() + "." + CREATE + "(String, String, boolean)");
    }
}
