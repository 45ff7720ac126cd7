package io.chatapp.plugin.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(8);

    @Test
    void aGoodPasswordIsAccepted() {
        assertThat(policy.problem("alice", "correct horse battery")).isEmpty();
        assertThat(policy.problem("alice", "Tr0ub4dor&3")).isEmpty();
        assertThat(policy.problem(null, "Tr0ub4dor&3")).as("no user name to compare").isEmpty();
    }

    @Test
    void theMinimumLengthIsInclusive() {
        assertThat(policy.problem("alice", "x7#kQ2p")).hasValueSatisfying(p -> assertThat(p).contains("at least 8"));
        assertThat(policy.problem("alice", "x7#kQ2pz")).isEmpty();
        assertThat(new PasswordPolicy(12).problem("alice", "x7#kQ2pz")).isPresent();
        assertThat(policy.problem("alice", null)).isPresent();
        assertThat(policy.problem("alice", "")).isPresent();
    }

    @Test
    void theMaximumIs1024Characters() {
        String base = "x7#kQ2pz".repeat(128);
        assertThat(base).hasSize(PasswordPolicy.MAX_LENGTH);
        assertThat(policy.problem("alice", base)).isEmpty();
        assertThat(policy.problem("alice", base + "a")).hasValueSatisfying(p -> assertThat(p).contains("at most 1024"));
    }

    @Test
    void commonPasswordsAreRefusedWhateverTheirCase() {
        for (String common : new String[] {"password", "PASSWORD", "Password1", "qwertyuiop", "IloveYou", "letmein1",
                "FOOTBALL"}) {
            assertThat(policy.problem("alice", common)).as(common)
                    .hasValueSatisfying(p -> assertThat(p).contains("most common"));
        }
    }

    @Test
    void theUserNameMayNotBePartOfThePassword() {
        assertThat(policy.problem("alice", "my-alice-pw!")).hasValueSatisfying(p -> assertThat(p).contains("user name"));
        assertThat(policy.problem("alice", "xxALICExx9")).as("case-insensitive").isPresent();
        assertThat(policy.problem("Alice", "xxalicexx9")).isPresent();
        assertThat(policy.problem("al", "xxalxxal9z")).as("names under 3 characters are not checked").isEmpty();
    }

    @Test
    void runsAndSimpleSequencesAreRefused() {
        for (String weak : new String[] {"aaaaaaaa", "AAAAAAAAAAAA", "12345678", "123456789012".substring(0, 9),
                "87654321", "abcdefgh", "ABCDEFGHIJ", "hgfedcba", "zzzzzzzzz"}) {
            assertThat(policy.problem("alice", weak)).as(weak)
                    .hasValueSatisfying(p -> assertThat(p).containsAnyOf("repeated character", "most common"));
        }
        assertThat(policy.problem("alice", "34567890x")).as("a sequence broken at the end").isEmpty();
        assertThat(policy.problem("alice", "13579bdf")).as("step 2 is not a simple sequence").isEmpty();
        assertThat(policy.problem("alice", "aaaaaaab")).isEmpty();
    }

    @Test
    void aRunThatIsNotOnTheCommonListIsStillRefusedAsARun() {
        assertThat(policy.problem("alice", "qqqqqqqqqq"))
                .hasValueSatisfying(p -> assertThat(p).contains("repeated character"));
        assertThat(policy.problem("alice", "23456789"))
                .hasValueSatisfying(p -> assertThat(p).contains("sequence"));
        assertThat(policy.problem("alice", "98765432"))
                .hasValueSatisfying(p -> assertThat(p).contains("sequence"));
        assertThat(policy.problem("alice", "bcdefghi"))
                .hasValueSatisfying(p -> assertThat(p).contains("sequence"));
    }
}
