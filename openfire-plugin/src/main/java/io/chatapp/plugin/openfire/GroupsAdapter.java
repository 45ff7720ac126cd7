package io.chatapp.plugin.openfire;

import io.chatapp.plugin.ChatAppServer;
import io.chatapp.plugin.groups.GroupService;
import io.chatapp.plugin.media.MediaService;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jivesoftware.openfire.IQRouter;
import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.disco.IQDiscoInfoHandler;
import org.jivesoftware.openfire.interceptor.InterceptorManager;

/**
 * Puts groups on Openfire's packet path: {@link GroupInterceptor} between clients and the MUC service, the
 * {@code urn:chatapp:groups:0} handler and its disco feature. {@link #close()} removes them in reverse order.
 */
final class GroupsAdapter implements AutoCloseable {

    private final Deque<Runnable> undo = new ArrayDeque<>();

    private GroupsAdapter() {
    }

    static GroupsAdapter install(GroupService groups, ChatAppServer.Messaging messaging, MediaService media,
                                 String domain) {
        GroupsAdapter adapter = new GroupsAdapter();
        try {
            PluginRouting routing = new PluginRouting();
            GroupOccupants occupants = new GroupOccupants();
            GroupArchive archive = new GroupArchive(messaging.archive(), media);
            GroupBroadcast broadcast = new GroupBroadcast(occupants, archive, routing);
            GroupReceipts receipts = new GroupReceipts(groups, messaging.receipts(), messaging.messageInfo(),
                    messaging.archive(), routing);
            GroupMam mam = new GroupMam(groups, messaging.archive(), messaging.settings().maxPageSize(), routing);
            RoomActions actions = new RoomActions(occupants, routing);
            GroupInterceptor interceptor = new GroupInterceptor(groups, groups.settings().service() + "." + domain,
                    occupants, broadcast, actions, archive, receipts, routing);
            InterceptorManager.getInstance().addInterceptor(interceptor);
            adapter.undo.push(() -> InterceptorManager.getInstance().removeInterceptor(interceptor));
            GroupIqHandler handler = new GroupIqHandler(groups, broadcast, actions, mam, receipts, routing);
            IQRouter router = XMPPServer.getInstance().getIQRouter();
            router.addHandler(handler);
            adapter.undo.push(() -> router.removeHandler(handler));
            IQDiscoInfoHandler disco = XMPPServer.getInstance().getIQDiscoInfoHandler();
            disco.addServerFeature(GroupIqHandler.NAMESPACE);
            adapter.undo.push(() -> disco.removeServerFeature(GroupIqHandler.NAMESPACE));
            return adapter;
        } catch (RuntimeException e) {
            adapter.close();
            throw e;
        }
    }

    @Override
    public void close() {
        while (!undo.isEmpty()) {
            undo.pop().run();
        }
    }
}
