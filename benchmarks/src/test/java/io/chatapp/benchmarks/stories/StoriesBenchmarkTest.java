package io.chatapp.benchmarks.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs both parts of the stories benchmark on tiny numbers: proves the harness works (the numbers mean nothing). */
class StoriesBenchmarkTest {

    @TempDir
    Path data;

    @Test
    void bothPartsRunAndReport() throws Exception {
        Path folder = data.resolve("pg");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            StoriesBenchmark.main(new String[] {"feed", "cleanup", "--users", "300", "--contacts", "50",
                    "--posters", "10", "--background", "2000", "--queries", "50", "--expired", "1000",
                    "--shared-buffers", "128MB", "--data", folder.toString()});
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        original.print(output);

        assertThat(output).contains("Feed of a viewer with 50 contacts").contains("Plan of the feed statement")
                .contains("Clean-up removed").contains("Feed during the clean-up");
        assertThat(Files.exists(folder)).as("the database folder is deleted").isFalse();
    }
}
