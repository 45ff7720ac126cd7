package io.chatapp.cli;

import io.chatapp.client.ChatClient;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code chatapp send USER TEXT...}: sends one message with the saved account. Prints nothing on success; returns
 * only once the server has the message.
 */
@Command(name = "send", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Send a message with the saved account. Prints nothing on success.",
                "Returns once the server has the message, even if the recipient is offline "
                        + "(they get it when they next log in)."},
        footer = {"", "Examples:",
                "  chatapp send bob Hello Bob, lunch at noon?",
                "  chatapp send bob@example.org -- -5 degrees here"})
public final class SendCommand extends SavedAccountCommand {

    @Parameters(index = "0", paramLabel = "USER",
            description = "The recipient: a user name on your server (bob) or an address (bob@example.org).")
    String user;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT",
            description = "The message; the words are joined with spaces.")
    List<String> words;

    public SendCommand(CliEnvironment environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        String text = MessageText.requireSendable(String.join(" ", words));
        Account account = environment.accounts().load();
        String to = Jids.toBareJid(user, account.domain());
        try (ChatClient client = Connections.openLoggedIn(account, environment)) {
            String id = Await.result(client.sendMessage(to, text), "sending");
            // A clean close waits for the server to have processed everything sent before it.
            Await.result(client.logout(), "sending");
            environment.note("Sent to " + to + " (message id " + id + ")");
        }
        return 0;
    }
}
