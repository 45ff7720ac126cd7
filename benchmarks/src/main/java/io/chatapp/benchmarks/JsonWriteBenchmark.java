package io.chatapp.benchmarks;

import io.chatapp.plugin.http.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Json#write} on the bodies the plugin's HTTP API sends on every request: the {@code /health} answer
 * (a nested map of strings, a boolean and numbers, as {@code HealthRoute} builds it) and an error whose message
 * carries characters that must be escaped (as a 404 for an odd path does).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar JsonWriteBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JsonWriteBenchmark {

    Map<String, Object> health;
    Map<String, Object> error;

    @Setup
    public void setUp() {
        Map<String, Object> database = new LinkedHashMap<>();
        database.put("reachable", true);
        database.put("latencyMicros", 812L);
        health = new LinkedHashMap<>();
        health.put("status", "ok");
        health.put("version", "0.1.0-SNAPSHOT");
        health.put("node", "chat.example.org");
        health.put("database", database);

        error = new LinkedHashMap<>();
        error.put("error", "not_found");
        error.put("message", "No such resource: /api/v1/\"users\"\\alice\n\u2028\u0001");
    }

    @Benchmark
    public String healthResponse() {
        return Json.write(health);
    }

    @Benchmark
    public String errorWithEscapes() {
        return Json.write(error);
    }
}
