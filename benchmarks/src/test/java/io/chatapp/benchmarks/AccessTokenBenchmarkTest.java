package io.chatapp.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessTokenBenchmarkTest {

    @Test
    void eachBenchmarkDoesWhatItsNameSays() throws Exception {
        AccessTokenBenchmark benchmark = new AccessTokenBenchmark();
        benchmark.distinctTokens = 3;
        benchmark.setUp();

        assertThat(benchmark.issue().subject()).isEqualTo("alice@example.org");
        assertThat(benchmark.verifyCached()).as("the same token, remembered").isSameAs(benchmark.verifyCached());
        assertThat(new String[] {benchmark.verifyCold().subject(), benchmark.verifyCold().subject(),
                benchmark.verifyCold().subject(), benchmark.verifyCold().subject()})
                .as("distinct tokens in turn").containsExactly("user0@example.org", "user1@example.org",
                        "user2@example.org", "user0@example.org");
    }
}
