package io.chatapp.plugin.groups;

import io.chatapp.plugin.Feature;
import io.chatapp.plugin.FeatureContext;

/**
 * WhatsApp-style groups on Openfire's MUC service. Provides {@link GroupService}; its Openfire binding
 * ({@code groups.openfire}) stands between clients and the MUC service.
 */
public final class GroupsFeature implements Feature {

    @Override
    public String name() {
        return "groups";
    }

    @Override
    public void start(FeatureContext context) throws Exception {
        GroupService groups = context.closer().open(GroupService.start(context.database().dataSource(),
                context.settings().groups(), context.clock()));
        context.services().provide(GroupService.class, groups);
    }
}
