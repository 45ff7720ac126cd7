package io.chatapp.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class GroupSettingsChangeTest {

    @Test
    void aSettingNotGivenStaysAsItIs() {
        GroupSettingsChange change = GroupSettingsChange.builder().onlyAdminsSend(true).build();
        assertThat(change.onlyAdminsSend()).contains(true);
        assertThat(change.membersEditInfo()).isEmpty();
        assertThat(GroupSettingsChange.builder().build())
                .isEqualTo(new GroupSettingsChange(Optional.empty(), Optional.empty()));
    }

    @Test
    void nullMeansUnchangedNotAMissingValue() {
        assertThat(new GroupSettingsChange(null, Optional.of(false)).onlyAdminsSend()).isEmpty();
    }
}
