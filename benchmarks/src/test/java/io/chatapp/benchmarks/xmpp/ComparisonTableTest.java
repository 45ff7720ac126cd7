package io.chatapp.benchmarks.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.benchmarks.xmpp.ComparisonTable.Metric;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTableTest {

    private static final List<Metric<double[]>> METRICS = List.of(
            new Metric<>("throughput", r -> r[0], true, "%.0f"),
            new Metric<>("latency", r -> r[1], false, "%.1f"));

    @Test
    void showsEachRunAndThePluginsOverheadOverTheAverageOfEachServer() {
        ComparisonTable<double[]> table = new ComparisonTable<>(METRICS);
        table.add("without", new double[] {1000, 2.0});
        table.add("with", new double[] {900, 2.5});
        table.add("with", new double[] {700, 3.5});

        List<String> lines = table.lines();

        assertThat(lines.get(0)).contains("without plugin", "with plugin", "overhead");
        // Throughput 800 on average against 1,000: 20 % lower; latency 3.0 against 2.0: 50 % higher.
        assertThat(lines.get(1)).startsWith("throughput").contains("1000", "900", "700").endsWith("20.0%");
        assertThat(lines.get(2)).startsWith("latency").contains("2.0", "2.5", "3.5").endsWith("50.0%");
    }

    @Test
    void nothingToCompareWithWhenTheServerWithoutThePluginHadNone() {
        ComparisonTable<double[]> table = new ComparisonTable<>(METRICS);
        table.add("without", new double[] {0, 0});
        table.add("with", new double[] {0, 2.0});

        assertThat(table.lines().get(1)).endsWith("0.0%");
        assertThat(table.lines().get(2)).endsWith("-");
    }

    @Test
    void noOverheadWithOnlyOneServer() {
        ComparisonTable<double[]> table = new ComparisonTable<>(METRICS);
        table.add("with", new double[] {900, 2.5});

        assertThat(table.lines().get(0)).doesNotContain("overhead");
        assertThat(table.lines().get(1)).doesNotContain("%");
    }
}
