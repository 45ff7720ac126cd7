package io.chatapp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.ChatClientException;
import io.chatapp.client.ChatMessage;
import io.chatapp.client.MediaAttachment;
import io.chatapp.client.MessageStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell's /send and /download, and how it shows files. */
class ShellMediaTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @TempDir
    Path temporary;

    private final ShellInterpreterTest.RecordingSession session = new ShellInterpreterTest.RecordingSession();
    private final List<String> printed = new ArrayList<>();
    private final List<String> bar = new ArrayList<>();
    private Path downloads;
    private ShellInterpreter shell;

    @BeforeEach
    void setUp() throws IOException {
        downloads = Files.createDirectory(temporary.resolve("Downloads"));
        TransferProgress.Display display = new TransferProgress.Display() {
            @Override
            public void show(String line) {
                bar.add(line);
            }

            @Override
            public void clear() {
                bar.add("(cleared)");
            }
        };
        shell = new ShellInterpreter(session, printed::add, Clock.fixed(NOW, ZoneOffset.UTC), display, downloads);
    }

    private static ChatMessage photoFrom(String from, String id) {
        MediaAttachment media = new MediaAttachment("https://h/media/v1/files/abc/photo.jpg", "photo.jpg",
                "image/jpeg", 1_258_291L, 800, 600, null, "ab".repeat(32), null);
        return new ChatMessage(id, from, "phone", "me@example.org", media.url(), NOW, false, "a-" + id, id, false,
                false, media);
    }

    @Test
    void sendUploadsToTheConversationWithAProgressBarThenShowsTheSentLineAndItsStatus() throws IOException {
        Path file = Files.writeString(temporary.resolve("cat picture.png"), "png bytes");
        shell.handle("/chat bob");
        printed.clear();

        shell.handle("/send " + file);

        assertThat(session.calls).contains("sendFile bob@example.org cat picture.png");
        assertThat(bar).containsExactly(
                "cat picture.png [........................]   0%  0 B / 2.0 KB",
                "cat picture.png [############............]  50%  1.0 KB / 2.0 KB",
                "cat picture.png [########################] 100%  2.0 KB / 2.0 KB",
                "(cleared)");
        assertThat(printed).containsExactly("#1 you \u2192 bob@example.org: [image 1.2 MB] cat picture.png");

        shell.statusChanged("sent-1", "bob@example.org", MessageStatus.DELIVERED);
        assertThat(printed).last().isEqualTo("  \u2713\u2713 delivered: \"[image 1.2 MB] cat picture.png\" (#1)");
    }

    @Test
    void sendNeedsAConversationAndAReadableNonEmptyFile() throws IOException {
        shell.handle("/send " + temporary.resolve("x.png"));
        assertThat(printed).last().asString().contains("/chat USER");
        shell.handle("/chat bob");
        shell.handle("/send " + temporary.resolve("missing.png"));
        assertThat(printed).last().isEqualTo("chatapp: no such file: " + temporary.resolve("missing.png"));
        shell.handle("/send " + Files.createFile(temporary.resolve("empty.txt")));
        assertThat(printed).last().asString().endsWith("is empty: there is nothing to send");
        shell.handle("/send");
        assertThat(printed).last().isEqualTo("chatapp: usage: /send FILE (in a /chat)");
        assertThat(session.calls).noneMatch(call -> call.startsWith("sendFile"));
    }

    @Test
    void aRefusedFileSaysWhy() throws IOException {
        Path file = Files.writeString(temporary.resolve("big.mp4"), "video");
        shell.handle("/chat bob");
        printed.clear();
        session.failure = new CliException(FailureMessages.of(new ChatClientException(
                ChatClientException.Reason.FILE_TOO_LARGE, "too large", null, 64L * 1024 * 1024),
                "sending the file"));
        shell.handle("/send " + file);
        assertThat(printed).containsExactly(
                "chatapp: sending the file failed: the file is larger than the server accepts (at most 64.0 MB)");
    }

    @Test
    void receivedMediaIsOneLineWithKindSizeNameAndHandle() {
        shell.incoming(photoFrom("alice@example.org", "m1"));
        assertThat(printed).contains("#1 alice@example.org: [image 1.2 MB] photo.jpg");
    }

    @Test
    void downloadSavesIntoTheDownloadsDirectoryUnderAFreeName() throws IOException {
        shell.incoming(photoFrom("alice@example.org", "m1"));
        Files.writeString(downloads.resolve("photo.jpg"), "an older photo");
        printed.clear();

        shell.handle("/download #1");

        assertThat(session.calls).contains("download https://h/media/v1/files/abc/photo.jpg photo (1).jpg");
        assertThat(printed).containsExactly("Saved #1 (1.2 MB, SHA-256 verified) to "
                + downloads.resolve("photo (1).jpg").toAbsolutePath());
        assertThat(bar).containsExactly("photo.jpg 0 B", "photo.jpg 293.0 KB", "(cleared)");
    }

    @Test
    void downloadTakesAPathOrADirectory() throws IOException {
        shell.incoming(photoFrom("alice@example.org", "m1"));
        Path elsewhere = Files.createDirectory(temporary.resolve("else where"));

        shell.handle("/download 1 " + elsewhere);
        shell.handle("/download #1 " + temporary.resolve("renamed.jpg"));

        assertThat(Files.exists(elsewhere.resolve("photo.jpg"))).isTrue();
        assertThat(Files.exists(temporary.resolve("renamed.jpg"))).isTrue();
        shell.handle("/download #1 " + temporary.resolve("renamed.jpg"));
        assertThat(printed).last().asString().contains("already exists");
    }

    @Test
    void downloadRefusesTextsAndUnknownHandles() {
        shell.incoming(new ChatMessage("t1", "alice@example.org", "", "me@example.org", "hi", NOW, false));
        shell.handle("/download #1");
        assertThat(printed).last().isEqualTo("chatapp: #1 is a text, not a file");
        shell.handle("/download #7");
        assertThat(printed).last().asString().startsWith("chatapp: no message #7");
        shell.handle("/download");
        assertThat(printed).last().isEqualTo("chatapp: usage: /download #N [PATH]");
    }

    @Test
    void ctrlCCancelsARunningTransfer() throws Exception {
        Path file = Files.writeString(temporary.resolve("slow.mp4"), "video");
        session.transferGate = new java.util.concurrent.CompletableFuture<>();
        shell.handle("/chat bob");
        assertThat(shell.cancelTransfer()).as("nothing runs yet").isFalse();
        Thread sending = new Thread(() -> shell.handle("/send " + file));
        sending.start();
        cancelOnceRunning(sending);
        assertThat(printed).last().isEqualTo("Cancelled: slow.mp4 was not sent");
        assertThat(bar).last().isEqualTo("(cleared)");

        shell.incoming(photoFrom("alice@example.org", "m1"));
        Thread downloading = new Thread(() -> shell.handle("/download #1"));
        downloading.start();
        cancelOnceRunning(downloading);
        assertThat(printed).last().isEqualTo("Cancelled the download of #1: nothing was saved");
    }

    /** Presses Ctrl+C as soon as the command on that thread is transferring, and waits for the command to end. */
    private void cancelOnceRunning(Thread command) throws InterruptedException {
        while (command.isAlive() && !shell.cancelTransfer()) {
            Thread.onSpinWait();
        }
        command.join();
    }

    @Test
    void mediaLinesAndSizes() {
        assertThat(MediaLines.size(0)).isEqualTo("0 B");
        assertThat(MediaLines.size(1023)).isEqualTo("1023 B");
        assertThat(MediaLines.size(1536)).isEqualTo("1.5 KB");
        assertThat(MediaLines.size(1_258_291)).isEqualTo("1.2 MB");
        assertThat(MediaLines.size(5L * 1024 * 1024 * 1024)).isEqualTo("5.0 GB");
        assertThat(MediaLines.duration(Duration.ofSeconds(63))).isEqualTo("1:03");
        assertThat(MediaLines.duration(Duration.ofSeconds(3723))).isEqualTo("1:02:03");
        assertThat(MediaLines.describe(new MediaAttachment("https://h/v", "clip.mp4", "video/mp4", 5_242_880L,
                1280, 720, Duration.ofSeconds(63), null, null))).isEqualTo("[video 1:03, 5.0 MB] clip.mp4");
        assertThat(MediaLines.describe(new MediaAttachment("https://h/v", "note\u001b[31m.m4a", "audio/mp4", null,
                null, null, null, null, null))).isEqualTo("[audio] note\uFFFD[31m.m4a");
        assertThat(MediaLines.describe(new MediaAttachment("https://h/v", "x.pdf", "application/pdf", 10L,
                null, null, null, null, null))).isEqualTo("[file 10 B] x.pdf");
        assertThat(MediaLines.progress("a", 5, 0)).isEqualTo("a 5 B");
    }

    @Test
    void theBarIsRedrawnOnlyWhenThePercentageChanges() {
        List<String> shown = new ArrayList<>();
        TransferProgress progress = new TransferProgress("f", new TransferProgress.Display() {
            @Override
            public void show(String line) {
                shown.add(line);
            }

            @Override
            public void clear() {
                shown.add("(cleared)");
            }
        });
        for (long done = 0; done <= 100_000; done += 100) {
            progress.onProgress(done, 100_000);
        }
        progress.finish();
        assertThat(shown).hasSize(102).endsWith("(cleared)");
    }

    @Test
    void onATerminalOtherOutputPushesTheBarDown() {
        java.io.StringWriter terminal = new java.io.StringWriter();
        TransferProgress.Terminal bar = TransferProgress.Display.terminal(new java.io.PrintWriter(terminal));
        bar.around(() -> terminal.write("before\n"));
        bar.show("f [##..] 50%");
        bar.around(() -> terminal.write("#3 bob@example.org: hi\n"));
        bar.clear();
        bar.clear();
        assertThat(terminal.toString()).isEqualTo("before\n\rf [##..] 50%\u001B[K"
                + "\r\u001B[K#3 bob@example.org: hi\n\rf [##..] 50%\u001B[K\r\u001B[K");
    }

    @Test
    void historyAndListenShowFilesToo() {
        ChatMessage photo = photoFrom("alice@example.org", "m1");
        assertThat(EventLines.message(photo)).isEqualTo("alice@example.org: [image 1.2 MB] photo.jpg");
        assertThat(HistoryLines.line(photo, 3, java.util.Optional.empty(), ZoneOffset.UTC,
                java.time.LocalDate.of(2026, 11, 24)))
                .isEqualTo("#3 [12:00] alice@example.org: [image 1.2 MB] photo.jpg");
    }
}
