package io.chatapp.plugin.config;

/**
 * Group settings (see {@link Settings} for the properties).
 *
 * @param service    subdomain of the MUC service whose rooms are groups, e.g. {@code groups}
 * @param maxMembers    most members (owner and admins included) a group may have
 * @param maxImageBytes largest group image accepted
 */
public record GroupSettings(String service, int maxMembers, int maxImageBytes) {

    public GroupSettings {
        if (service == null || service.isBlank() || maxMembers < 2 || maxImageBytes < 1) {
            throw new IllegalArgumentException("groups need a service, room for two members and for an image");
        }
    }

    /** The defaults of the properties. */
    public static GroupSettings defaults() {
        return new GroupSettings(Settings.GROUPS_SERVICE.defaultValue(), Settings.GROUPS_MAX_MEMBERS.defaultValue(),
                Settings.GROUPS_MAX_IMAGE_BYTES.defaultValue());
    }
}
