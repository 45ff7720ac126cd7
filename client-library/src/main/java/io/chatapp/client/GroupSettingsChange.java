package io.chatapp.client;

import java.util.Optional;

/**
 * A change to a group's settings ({@link GroupAdmin#setSettings}): each setting either takes the given value or,
 * when empty, stays as it is.
 *
 * <pre>{@code
 * client.groups().setSettings(room, GroupSettingsChange.builder().onlyAdminsSend(true).build());
 * }</pre>
 *
 * @param onlyAdminsSend  whether only admins may send messages (announcement mode)
 * @param membersEditInfo whether every member may change the name, description and image
 */
public record GroupSettingsChange(Optional<Boolean> onlyAdminsSend, Optional<Boolean> membersEditInfo) {

    public GroupSettingsChange {
        onlyAdminsSend = Optional.ofNullable(onlyAdminsSend).flatMap(value -> value);
        membersEditInfo = Optional.ofNullable(membersEditInfo).flatMap(value -> value);
    }

    /** A change that leaves every setting as it is until one is given. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link GroupSettingsChange}; a setting not given stays as it is. */
    public static final class Builder {

        private Optional<Boolean> onlyAdminsSend = Optional.empty();
        private Optional<Boolean> membersEditInfo = Optional.empty();

        private Builder() {
        }

        public Builder onlyAdminsSend(boolean value) {
            onlyAdminsSend = Optional.of(value);
            return this;
        }

        public Builder membersEditInfo(boolean value) {
            membersEditInfo = Optional.of(value);
            return this;
        }

        public GroupSettingsChange build() {
            return new GroupSettingsChange(onlyAdminsSend, membersEditInfo);
        }
    }
}
