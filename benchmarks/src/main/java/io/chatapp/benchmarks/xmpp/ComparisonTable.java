package io.chatapp.benchmarks.xmpp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The load generators' summary: one column per server run ({@code with} or {@code without} the plugin, in the order
 * they ran), one line per metric, and the plugin's overhead when both servers ran (positive = worse with the plugin;
 * several runs of a server are averaged).
 *
 * @param <R> what one run of a server measured
 */
public final class ComparisonTable<R> {

    /** A metric of a run; {@code higherIsBetter} decides the sign of the overhead. */
    public record Metric<R>(String name, ToDoubleFunction<R> value, boolean higherIsBetter, String format) {
    }

    private final List<Metric<R>> metrics;
    private final List<String> servers = new ArrayList<>();
    private final List<R> runs = new ArrayList<>();

    public ComparisonTable(List<Metric<R>> metrics) {
        this.metrics = List.copyOf(metrics);
    }

    /** A run of the server {@code with} or {@code without} the plugin. */
    public void add(String server, R run) {
        servers.add(server);
        runs.add(run);
    }

    /** The table, one line each, for {@code System.out}. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        StringBuilder header = new StringBuilder(String.format("%-34s", "metric"));
        for (String server : servers) {
            header.append(String.format("%16s", server + " plugin"));
        }
        boolean comparable = servers.contains("with") && servers.contains("without");
        if (comparable) {
            header.append(String.format("%12s", "overhead"));
        }
        lines.add(header.toString());
        for (Metric<R> metric : metrics) {
            StringBuilder line = new StringBuilder(String.format("%-34s", metric.name()));
            for (R run : runs) {
                line.append(String.format(Locale.ROOT, "%16s",
                        String.format(Locale.ROOT, metric.format(), metric.value().applyAsDouble(run))));
            }
            if (comparable) {
                double with = average("with", metric);
                double without = average("without", metric);
                line.append(String.format("%12s", overhead(metric, with, without)));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    public void print() {
        lines().forEach(System.out::println);
    }

    /** In per cent; none when there is nothing to compare with (e.g. no losses on either server). */
    private static String overhead(Metric<?> metric, double with, double without) {
        if (with == without) {
            return "0.0%";
        }
        if (without == 0) {
            return "-";
        }
        double overhead = metric.higherIsBetter() ? (without - with) / without : (with - without) / without;
        return String.format(Locale.ROOT, "%.1f%%", overhead * 100);
    }

    private double average(String server, Metric<R> metric) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < runs.size(); i++) {
            if (servers.get(i).equals(server)) {
                sum += metric.value().applyAsDouble(runs.get(i));
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
