package io.chatapp.plugin.groups.openfire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jivesoftware.openfire.muc.MultiUserChatManager;
import org.junit.jupiter.api.Test;

/**
 * The groups' MUC service is created through whichever shape of {@code createMultiUserChatService} the running
 * Openfire has: {@code (String, String, Boolean)} in 4.2, {@code (String, String, boolean)} in 5.x.
 */
class GroupsMucServiceTest {

    @Test
    void findsTheCreatorOfOpenfire42() throws Exception {
        assertThat(GroupsMucService.creator(MultiUserChatManager.class).getParameterTypes()[2])
                .isEqualTo(Boolean.class);
    }

    @Test
    void findsTheCreatorOfOpenfire5() throws Exception {
        assertThat(GroupsMucService.creator(Openfire5Manager.class).getParameterTypes()[2]).isEqualTo(boolean.class);
    }

    @Test
    void saysWhatIsMissingWhenNeitherShapeExists() {
        assertThatThrownBy(() -> GroupsMucService.creator(Object.class)).isInstanceOf(NoSuchMethodException.class)
                .hasMessageContaining("createMultiUserChatService");
    }

    /** The 5.x signature, as {@code javap} shows it in xmppserver-5.2.0. */
    public static final class Openfire5Manager {
        public Object createMultiUserChatService(String subdomain, String description, boolean isHidden) {
            return null;
        }
    }
}
