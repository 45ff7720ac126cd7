package io.chatapp.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

class JsonWriteBenchmarkTest {

    @Test
    void benchmarksMeasureTheRealOutput() {
        JsonWriteBenchmark benchmark = new JsonWriteBenchmark();
        benchmark.setUp();

        assertThat(benchmark.healthResponse()).isEqualTo("{\"status\":\"ok\",\"version\":\"0.1.0-SNAPSHOT\","
                + "\"node\":\"chat.example.org\",\"database\":{\"reachable\":true,\"latencyMicros\":812}}");
        assertThat(benchmark.errorWithEscapes()).isEqualTo("{\"error\":\"not_found\",\"message\":"
                + "\"No such resource: /api/v1/\\\"users\\\"\\\\alice\\n\\u2028\\u0001\"}");
    }

    /** Runs the benchmark through JMH, briefly and in this JVM: proves the harness (generated code included) works. */
    @Test
    void jmhRunsTheBenchmarkAndReportsAPositiveScore() throws Exception {
        Options options = new OptionsBuilder()
                .include("^" + Pattern.quote(JsonWriteBenchmark.class.getName()) + "\\.")
                .forks(0)
                .threads(1)
                .warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(100))
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();

        Collection<RunResult> results = new Runner(options).run();

        assertThat(results).extracting(result -> result.getParams().getBenchmark())
                .containsExactlyInAnyOrder(JsonWriteBenchmark.class.getName() + ".healthResponse",
                        JsonWriteBenchmark.class.getName() + ".errorWithEscapes");
        for (RunResult result : results) {
            double score = result.getPrimaryResult().getScore();
            assertThat(score).as(result.getParams().getBenchmark()).isPositive().isFinite();
            assertThat(result.getPrimaryResult().getScoreUnit()).isEqualTo("ns/op");
        }
    }
}
