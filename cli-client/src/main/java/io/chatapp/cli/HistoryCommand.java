package io.chatapp.cli;

import io.chatapp.client.ChatClient;
import io.chatapp.client.ChatMessage;
import io.chatapp.client.History;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code chatapp history USER [N]}: prints the last N messages with USER, oldest first, in the shell's format
 * without the handles: {@code [10:15] you: hello  ✓✓ read}.
 */
@Command(name = "history", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Print the last N messages with USER (default 20, at most 250), oldest first, one line each:",
                "  [TIME] FROM: BODY            TIME is HH:mm today, else yyyy-MM-dd HH:mm",
                "  [TIME] you: BODY  MARK       your own messages, MARK being \u2713 sent, \u2713\u2713 delivered "
                        + "or \u2713\u2713 read",
                "Deleted messages show (message deleted). Prints 'No messages with USER yet' when there are none."},
        footer = {"", "Examples:",
                "  chatapp history bob",
                "  chatapp history bob@example.org 100"})
public final class HistoryCommand extends SavedAccountCommand {

    @Parameters(index = "0", paramLabel = "USER",
            description = "The other person: a user name on your server (bob) or an address (bob@example.org).")
    String user;

    @Parameters(index = "1", arity = "0..1", paramLabel = "N", description = "How many messages (1 to 250).")
    Integer count;

    public HistoryCommand(CliEnvironment environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        int max = count == null ? ShellInterpreter.DEFAULT_HISTORY : count;
        if (max < 1 || max > History.MAX_PAGE) {
            throw CliException.usage("N must be a number from 1 to " + History.MAX_PAGE);
        }
        Account account = environment.accounts().load();
        String peer = Jids.toBareJid(user, account.domain());
        PrintWriter out = environment.out();
        try (ChatClient client = Connections.openLoggedIn(account, environment)) {
            ClientChatSession session = new ClientChatSession(client, account.domain());
            List<ChatMessage> messages = session.history(peer, max);
            Clock clock = Clock.systemDefaultZone();
            List<String> lines = HistoryLines.lines(messages, session::status, null, clock.getZone(),
                    LocalDate.now(clock));
            Await.quietly(client.logout());
            if (messages.isEmpty()) {
                out.println("No messages with " + peer + " yet");
            }
            lines.forEach(out::println);
        }
        out.flush();
        return 0;
    }
}
