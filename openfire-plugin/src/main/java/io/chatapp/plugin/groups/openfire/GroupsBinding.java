package io.chatapp.plugin.groups.openfire;

import io.chatapp.plugin.Feature;
import io.chatapp.plugin.Services;
import io.chatapp.plugin.archive.MessageArchive;
import io.chatapp.plugin.config.ArchiveSettings;
import io.chatapp.plugin.groups.GroupService;
import io.chatapp.plugin.groups.GroupsFeature;
import io.chatapp.plugin.media.MediaService;
import io.chatapp.plugin.openfire.OpenfireFeature;
import io.chatapp.plugin.openfire.OpenfireRegistrations;
import io.chatapp.plugin.openfire.PluginRouting;
import io.chatapp.plugin.receipts.MessageInfoService;
import io.chatapp.plugin.receipts.ReceiptRecorder;
import java.time.Clock;

/**
 * Groups on Openfire's packet path: their MUC service ({@link GroupsMucService}, created when missing),
 * {@link GroupInterceptor} between clients and the group rooms, the {@code urn:chatapp:groups:0} handler and its disco
 * feature.
 */
public final class GroupsBinding implements OpenfireFeature {

    @Override
    public Feature feature() {
        return new GroupsFeature();
    }

    @Override
    public void bind(Services services, String domain, OpenfireRegistrations registrations) {
        GroupService groups = services.get(GroupService.class);
        MessageArchive messages = services.get(MessageArchive.class);
        PluginRouting routing = new PluginRouting();
        GroupOccupants occupants = new GroupOccupants();
        GroupArchive archive = new GroupArchive(messages);
        GroupBroadcast broadcast = new GroupBroadcast(occupants, archive, routing);
        GroupReceipts receipts = new GroupReceipts(groups, services.get(ReceiptRecorder.class),
                services.get(MessageInfoService.class), messages, routing);
        HistoryReplayFilter replays = new HistoryReplayFilter();
        GroupMam mam = new GroupMam(groups, messages, services.get(ArchiveSettings.class).maxPageSize(), replays,
                routing);
        RoomActions actions = new RoomActions(occupants, routing);
        GroupRemovals removals = new GroupRemovals(groups, messages, broadcast, occupants,
                services.get(MediaService.class), services.get(ArchiveSettings.class).retractionWindow(),
                Clock.systemUTC(), replays, routing);
        // Not undone at close: the service holds the groups' rooms (see GroupsMucService).
        GroupsMucService.ensure(groups.settings().service());
        registrations.intercept(new GroupInterceptor(groups, groups.settings().service() + "." + domain, occupants,
                broadcast, actions, archive, receipts, removals, replays, routing));
        registrations.handle(new GroupIqHandler(groups, broadcast, actions, mam, receipts, removals, routing));
        registrations.serverFeature(GroupIqHandler.NAMESPACE);
    }
}
