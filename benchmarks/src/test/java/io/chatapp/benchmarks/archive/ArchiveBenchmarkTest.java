package io.chatapp.benchmarks.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs both parts of the archive benchmark on tiny numbers: proves the harness works (the numbers mean nothing). */
class ArchiveBenchmarkTest {

    @TempDir
    Path data;

    @Test
    void bothPartsRunAndReport() throws Exception {
        Path folder = data.resolve("pg");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ArchiveBenchmark.main(new String[] {"ingest", "pages", "--seconds", "1", "--warmup", "0", "--producers", "1",
                    "--messages", "20000", "--conversations", "100", "--queries", "100", "--data", folder.toString()});
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        original.print(output);

        assertThat(output).contains("messages/s committed").contains("Latest 50 of a conversation")
                .contains("50.0 messages per page").contains("Index Scan Backward using archive_message_conversation");
        assertThat(Files.exists(folder)).as("the database folder is deleted").isFalse();
    }
}
