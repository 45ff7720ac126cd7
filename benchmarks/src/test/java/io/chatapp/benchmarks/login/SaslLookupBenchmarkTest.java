package io.chatapp.benchmarks.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.plugin.auth.GuardedSaslProvider;
import org.junit.jupiter.api.Test;

class SaslLookupBenchmarkTest {

    @Test
    void bothLookupsFindTheProviderBehindTheGuardAndTheGuardWrapsIt() throws Exception {
        SaslLookupBenchmark benchmark = new SaslLookupBenchmark();
        benchmark.providers = "jdk";
        benchmark.install();
        try {
            assertThat(benchmark.guardedServer().getClass().getSimpleName()).isEqualTo("GuardedSaslServer");
            assertThat(benchmark.filterLookup()).extracting(provider -> provider.getName())
                    .containsExactly(GuardedSaslProvider.NAME, "ChatAppBenchLegacySasl");
            assertThat(benchmark.serviceLookup().getProvider().getName()).isEqualTo("ChatAppBenchLegacySasl");
        } finally {
            benchmark.uninstall();
        }
    }
}
