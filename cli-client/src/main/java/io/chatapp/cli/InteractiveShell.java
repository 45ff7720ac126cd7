package io.chatapp.cli;

import io.chatapp.client.ChatClient;
import io.chatapp.client.ConnectionState;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.Widget;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * {@code chatapp} without a command: a line-editing shell on the saved account. Incoming messages, presence and
 * contact requests are printed above the prompt without disturbing what is being typed; history is kept in the
 * config directory (mode 0600).
 */
final class InteractiveShell {

    static final String HISTORY_FILE = "history";

    private final CliEnvironment environment;

    InteractiveShell(CliEnvironment environment) {
        this.environment = environment;
    }

    int run() {
        Account account = environment.accounts().load();
        Path history = environment.configDirectory().resolve(HISTORY_FILE);
        protect(history);
        try (Terminal terminal = openTerminal(); ChatClient client = Connections.open(account, true)) {
            AtomicReference<LineReader> readerHolder = new AtomicReference<>();
            AtomicBoolean colours = new AtomicBoolean();
            TransferProgress.Terminal progressBar = TransferProgress.Display.terminal(terminal.writer());
            Consumer<String> print = line -> progressBar.around(
                    () -> readerHolder.get().printAbove(ShellStyles.style(line, colours.get())));
            // Without a real terminal (input from a pipe), no bar: its escape sequences would end up in the output.
            boolean dumb = terminal.getType().startsWith(Terminal.TYPE_DUMB);
            ShellInterpreter shell = new ShellInterpreter(new ClientChatSession(client, account.domain()), print,
                    dumb ? TransferProgress.Display.NONE : progressBar,
                    MediaLines.defaultDirectory(environment.userHome()));
            if (!dumb) {
                shell.onBell(() -> {
                    terminal.writer().print('\u0007');
                    terminal.writer().flush();
                });
            }
            readerHolder.set(LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("chatapp")
                    .parser(plainParser())
                    .completer(new ShellCompleter(shell::knownAddresses))
                    .variable(LineReader.HISTORY_FILE, history)
                    // Typed text is chat, not shell syntax: "!" must not expand history.
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .build());
            LineReader reader = readerHolder.get();
            colours.set(ShellStyles.supportsColour(terminal, environment.variable("NO_COLOR").isPresent()));
            announceTyping(reader, shell);
            // Outside the line editor (which has its own), Ctrl+C stops a running /send or /download.
            terminal.handle(Terminal.Signal.INT, signal -> shell.cancelTransfer());
            watch(client, account, shell, print);
            Connections.restoreCursor(client, account, environment);

            print.accept("Connecting to " + account.server() + ":" + account.port() + " as " + account.bareJid()
                    + "...");
            Connections.login(client, account, environment);
            print.accept("Logged in as " + client.jid().orElse(account.bareJid())
                    + ". Type /help for the commands, /quit to leave.");
            loop(reader, shell);
            Await.quietly(client.logout());
            saveHistory(reader);
        } catch (IOException e) {
            throw new CliException("cannot open the terminal: " + e.getMessage(), e);
        } finally {
            protect(history);
        }
        return 0;
    }

    private static void loop(LineReader reader, ShellInterpreter shell) {
        while (true) {
            String line;
            try {
                line = reader.readLine(shell.prompt());
            } catch (UserInterruptException e) {
                // Ctrl+C drops a half-typed line; on an empty line it leaves.
                if (e.getPartialLine() == null || e.getPartialLine().isEmpty()) {
                    return;
                }
                continue;
            } catch (EndOfFileException e) {
                return; // Ctrl+D
            }
            if (!shell.handle(line)) {
                return;
            }
        }
    }

    /** Prints what arrives, above the line being typed. Listeners go in before login: offline messages come first. */
    private void watch(ChatClient client, Account account, ShellInterpreter shell, Consumer<String> print) {
        client.onMessage(shell::incoming);
        AtomicBoolean cursorFailed = new AtomicBoolean();
        client.history().onCursor(archiveId -> Connections.saveCursor(account, environment, archiveId, cursorFailed));
        client.receipts().onStatus(shell::statusChanged);
        client.typing().onTyping(shell::typingChanged);
        client.retractions().onRetraction(shell::retracted);
        client.retractions().onHidden(shell::hidden);
        client.groupChat().onMessage(shell::groupMessage);
        client.groupChat().onEvent(shell::groupEvent);
        client.groupChat().onLeft(shell::groupLeft);
        client.stories().onStory(shell::storyPosted);
        client.calls().onCallEvent(shell::callEvent);
        client.groupChat().onRemoval(shell::groupRemoval);
        client.groupChat().onStatus(shell::groupStatus);
        PresenceTracker presence = new PresenceTracker(account.bareJid());
        client.onPresence(update -> presence.track(update).ifPresent(change -> {
            boolean statusOnly = change.online().isEmpty();
            boolean cameOnline = change.online().orElse(false);
            if (!statusOnly) {
                print.accept(EventLines.presence(change.jid(), cameOnline));
            }
            if (statusOnly || (cameOnline && change.hasStatus())) {
                print.accept(EventLines.status(change.jid(), change.mode(), change.status()));
            }
        }));
        client.contacts().onRequest(jid -> print.accept(shell.contactRequest(jid)));
        AtomicBoolean lost = new AtomicBoolean();
        client.onConnectionState(state -> {
            if (state == ConnectionState.RECONNECTING && !lost.getAndSet(true)) {
                print.accept("* connection lost; reconnecting...");
            } else if ((state == ConnectionState.RESUMED || state == ConnectionState.AUTHENTICATED)
                    && lost.getAndSet(false)) {
                print.accept("* reconnected");
            }
        });
    }

    /**
     * Tells the conversation's partner that the user is typing: every character typed goes through JLine's
     * {@code self-insert} widget, which is wrapped to call {@link ShellInterpreter#typed} after inserting it (the
     * client throttles what goes out). Pasted text and deletions do not count.
     */
    private static void announceTyping(LineReader reader, ShellInterpreter shell) {
        Widget insert = reader.getWidgets().get(LineReader.SELF_INSERT);
        if (insert == null) {
            return;
        }
        reader.getWidgets().put(LineReader.SELF_INSERT, () -> {
            boolean done = insert.apply();
            try {
                shell.typed(reader.getBuffer().toString());
            } catch (RuntimeException ignored) {
                // typing notifications never disturb the line being typed
            }
            return done;
        });
    }

    private static Terminal openTerminal() throws IOException {
        // dumb(true): without a real terminal (input from a pipe), fall back quietly to a plain one.
        TerminalBuilder builder = TerminalBuilder.builder()
                .name("chatapp")
                .system(true)
                .dumb(true)
                .encoding(StandardCharsets.UTF_8);
        if (!nativeAccessAllowed() && !userChoseProvider() && !isWindows()) {
            // Switching the native providers off is what keeps JLine from loading its native library at all.
            builder.ffm(false).jni(false).jna(false).jansi(false).exec(true);
        }
        return builder.build();
    }

    /**
     * JLine reaches the terminal through native code (JNI or FFM) by default; from JDK 22 on, that makes the JVM
     * print warnings unless native access is enabled, as bin/chatapp does with --enable-native-access. Without it,
     * the "exec" provider (driving stty) needs no native code.
     */
    static boolean nativeAccessAllowed() {
        if (Runtime.version().feature() < 22) {
            return true;
        }
        try {
            Method isEnabled = Module.class.getMethod("isNativeAccessEnabled");
            return (Boolean) isEnabled.invoke(InteractiveShell.class.getModule());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static boolean userChoseProvider() {
        return System.getProperty(TerminalBuilder.PROP_PROVIDERS) != null
                || System.getProperty(TerminalBuilder.PROP_PROVIDER) != null
                || System.getProperty(TerminalBuilder.PROP_JNI) != null
                || System.getProperty(TerminalBuilder.PROP_FFM) != null;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }

    /** Lines are chat text: no quoting or escaping rules, and an apostrophe never asks for a second line. */
    private static DefaultParser plainParser() {
        DefaultParser parser = new DefaultParser();
        parser.setQuoteChars(new char[0]);
        parser.setEscapeChars(new char[0]);
        parser.setEofOnUnclosedQuote(false);
        parser.setEofOnEscapedNewLine(false);
        return parser;
    }

    private void saveHistory(LineReader reader) {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            environment.note("Could not save the history: " + e.getMessage());
        }
    }

    /** The history holds what was typed, messages included: only its owner may read it. */
    private static void protect(Path history) {
        try {
            PrivateFiles.createOrRestrict(history);
        } catch (IOException e) {
            throw new CliException("cannot create the history file " + history + ": " + e.getMessage(), e);
        }
    }
}
