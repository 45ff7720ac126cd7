package io.chatapp.it;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many groups created with members who are online: every member's device enters every group on the invitation, at
 * the first attempt (the library does not retry an entry). Both members enter at the same moment, which is what made
 * Openfire 4.2 send a self-presence without status 110 (see SelfPresenceRepair); before the plugin's repair this
 * failed within the first few groups.
 */
@ExtendWith(ChatServerExtension.class)
class GroupsJoinStressTest {

    private static final int CYCLES = 40;

    @Test
    void everyInvitedDeviceEntersEveryNewGroup(DevServer server, TestUsers users) throws Exception {
        try (ThreeMembers three = new ThreeMembers(server, users)) {
            for (int i = 0; i < CYCLES; i++) {
                three.group("Group " + i);
            }
        }
    }
}
