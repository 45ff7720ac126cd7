package io.chatapp.plugin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsernamesTest {

    @Test
    void everySpellingOfAnAccountBecomesOne() {
        for (String spelling : new String[] {"alice", "ALICE", "Alice@Example.org", "alice@example.org"}) {
            assertThat(Usernames.canonical(spelling, "example.org")).as(spelling).contains("alice");
        }
    }

    @Test
    void namesThatCannotBeAnAccountOfThisDomainAreRejected() {
        for (String bad : new String[] {"alice@other.org", "alice@example.org@example.org", " alice", "al ice",
                "al\nice", "", "@example.org", "a/b", "x".repeat(65), null}) {
            assertThat(Usernames.canonical(bad, "example.org")).as(String.valueOf(bad)).isEmpty();
        }
    }

    @Test
    void logLinesCannotBeForged() {
        assertThat(Usernames.forLog("alice\n2026-11-24 INFO fake line")).doesNotContain("\n");
        assertThat(Usernames.forLog("x".repeat(1000))).hasSizeLessThan(70);
        assertThat(Usernames.forLog(null)).isEqualTo("(none)");
    }
}
