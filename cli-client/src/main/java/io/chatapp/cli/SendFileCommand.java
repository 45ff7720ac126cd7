package io.chatapp.cli;

import io.chatapp.client.ChatClient;
import io.chatapp.client.SentMedia;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code chatapp send-file USER FILE}: uploads a file and sends it with the saved account, as {@code /send} does in
 * the shell. Prints nothing on standard output on success; a progress bar on the terminal while uploading.
 */
@Command(name = "send-file", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Send a file (image, video, audio or any file) with the saved account.",
                "Uploads it to the server's upload service, then sends the message; prints nothing on success.",
                "Shows a progress bar on standard error when it is a terminal."},
        footer = {"", "Examples:",
                "  chatapp send-file bob holiday.jpg",
                "  chatapp send-file --no-progress bob@example.org report.pdf"})
public final class SendFileCommand extends SavedAccountCommand {

    @Parameters(index = "0", paramLabel = "USER",
            description = "The recipient: a user name on your server (bob) or an address (bob@example.org).")
    String user;

    @Parameters(index = "1", paramLabel = "FILE", description = "The file to send.")
    String file;

    @Option(names = "--no-progress", description = "Do not show the progress bar.")
    boolean noProgress;

    public SendFileCommand(CliEnvironment environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        Path path = MediaLines.requireFile(file);
        Account account = environment.accounts().load();
        String to = Jids.toBareJid(user, account.domain());
        boolean showProgress = !noProgress && onTerminal();
        TransferProgress progress = new TransferProgress(path.getFileName().toString(),
                showProgress ? TransferProgress.Display.terminal(environment.err()) : TransferProgress.Display.NONE);
        try (ChatClient client = Connections.openLoggedIn(account, environment)) {
            SentMedia sent;
            try {
                sent = Await.result(client.media().send(to, path, progress), "sending the file");
            } finally {
                progress.finish();
            }
            Await.result(client.logout(), "sending the file");
            environment.note("Sent " + MediaLines.describe(sent.attachment()) + " to " + to + " (message id "
                    + sent.messageId() + ", " + sent.attachment().url() + ")");
        }
        return 0;
    }

    /**
     * Whether chatapp runs on a terminal. From JDK 22 on, {@link System#console()} exists even when the streams are
     * redirected; {@code Console.isTerminal()} (JDK 22) then says whether it is a terminal.
     */
    static boolean onTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException | RuntimeException olderJdk) {
            return true; // before JDK 22 a console exists only on a terminal
        }
    }
}
