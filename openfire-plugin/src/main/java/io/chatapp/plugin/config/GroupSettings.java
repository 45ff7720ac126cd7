package io.chatapp.plugin.config;

/**
 * Group settings (see {@link Settings} for the properties).
 *
 * @param service    subdomain of the MUC service whose rooms are groups, e.g. {@code conference}
 * @param maxMembers most members (owner and admins included) a group may have
 */
public record GroupSettings(String service, int maxMembers) {

    public GroupSettings {
        if (service == null || service.isBlank() || maxMembers < 2) {
            throw new IllegalArgumentException("groups need a service and room for at least two members");
        }
    }

    /** The defaults of the properties. */
    public static GroupSettings defaults() {
        return new GroupSettings(Settings.GROUPS_SERVICE.defaultValue(), Settings.GROUPS_MAX_MEMBERS.defaultValue());
    }
}
