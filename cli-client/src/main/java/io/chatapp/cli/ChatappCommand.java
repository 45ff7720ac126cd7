package io.chatapp.cli;

import picocli.CommandLine.Command;

/** {@code chatapp}: the top-level command. Without a subcommand it starts the interactive shell. */
@Command(name = "chatapp", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Chat from a terminal on a chat-app (or any XMPP) server.",
                "Without a command: an interactive shell on the saved account (type /help in it)."},
        footer = {"", "Start with:",
                "  chatapp register --server localhost --trust server-certificate.pem alice",
                "  chatapp login --server localhost --trust server-certificate.pem alice",
                "  chatapp send bob Hello",
                "  chatapp",
                "",
                "Saved account and history: in $CHATAPP_CONFIG_DIR if set,",
                "else in $XDG_CONFIG_HOME/chatapp, else in ~/.config/chatapp.",
                "Exit codes: 0 success, 1 failure, 2 wrong usage."})
public final class ChatappCommand extends SavedAccountCommand {

    public ChatappCommand(CliEnvironment environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        return new InteractiveShell(environment).run();
    }
}
