package io.chatapp.cli;

import io.chatapp.client.ChatClient;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code chatapp listen}: prints incoming messages, presence, contact requests and contacts' status updates, one line
 * each (see
 * {@link EventLines}), until a number of messages, a timeout or Ctrl+C. Messages stored while offline come first.
 */
@Command(name = "listen", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Print incoming messages, presence and contact requests, one line each.",
                "Logs in with the saved account and prints on standard output:",
                "  FROM: BODY                 a message (FROM is the sender's address)",
                "  you (other device) \u2192 TO: BODY   a message you sent from another device",
                "  * JID deleted a message    a retraction (delete for everyone)",
                "  * JID is online|offline    a contact's presence",
                "  * JID wants to add you (accept with: /accept JID)",
                "  \u2726 JID posted a status: \"TEXT\" (/status view JID)   a contact's status update",
                "Messages that arrived while you were offline are printed first, once: the position is kept in the "
                        + "config directory. 'Listening as JID' goes to standard "
                        + "error once logged in. Ends after --count messages, after --timeout, or on Ctrl+C, "
                        + "with exit code 0."},
        footer = {"", "Examples:",
                "  chatapp listen",
                "  chatapp listen --count 1 --timeout 30"})
public final class ListenCommand extends SavedAccountCommand {

    @Option(names = "--count", paramLabel = "N", description = "Stop after N messages.")
    Integer count;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Stop after this many seconds.")
    Long timeoutSeconds;

    public ListenCommand(CliEnvironment environment) {
        super(environment);
    }

    @Override
    public Integer call() throws InterruptedException {
        if (count != null && count < 1) {
            throw CliException.usage("--count must be at least 1");
        }
        if (timeoutSeconds != null && timeoutSeconds < 1) {
            throw CliException.usage("--timeout must be at least 1 second");
        }
        Account account = environment.accounts().load();
        CountDownLatch stop = new CountDownLatch(1);
        MessageCounter counter = new MessageCounter(count);
        PrintWriter out = environment.out();
        try (ChatClient client = Connections.open(account, true)) {
            // Listeners first: messages stored while offline arrive right after login.
            AtomicBoolean cursorFailed = new AtomicBoolean();
            client.onMessage(message -> {
                if (counter.take()) {
                    print(out, EventLines.message(message)
                            + (message.hasMedia() ? " " + EventLines.clean(message.media().url()) : ""), stop);
                    // Only what was printed moves the cursor: what --count left out comes next time.
                    if (message.archiveId() != null) {
                        Connections.saveCursor(account, environment, message.archiveId(), cursorFailed);
                    }
                    if (counter.exhausted()) {
                        stop.countDown();
                    }
                }
            });
            PresenceTracker presence = new PresenceTracker(account.bareJid());
            client.onPresence(update -> presence.update(update)
                    .ifPresent(online -> print(out, EventLines.presence(update.from(), online), stop)));
            client.contacts().onRequest(jid -> print(out, EventLines.contactRequest(jid), stop));
            client.stories().onStory(story -> print(out, StoryCommands.postedLine(story), stop));
            client.retractions().onRetraction(retraction -> print(out,
                    EventLines.retraction(retraction.peer(), retraction.outgoing(), null), stop));
            Connections.restoreCursor(client, account, environment);

            Connections.login(client, account, environment);
            environment.err().println("Listening as " + client.jid().orElse(account.bareJid()));
            environment.err().flush();

            AtomicBoolean finished = new AtomicBoolean();
            Thread onInterrupt = new Thread(() -> stopOnSignal(client, finished), "chatapp-listen-stop");
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            try {
                if (timeoutSeconds == null) {
                    stop.await();
                } else {
                    stop.await(timeoutSeconds, TimeUnit.SECONDS);
                }
            } finally {
                finished.set(true);
                removeHook(onInterrupt);
            }
            Await.quietly(client.logout());
        }
        out.flush();
        return 0;
    }

    /**
     * Ctrl+C (or a plain kill) ends listening normally: say goodbye to the server, flush what was printed and exit
     * with 0 rather than the JVM's 130.
     */
    private void stopOnSignal(ChatClient client, AtomicBoolean finished) {
        if (finished.get()) {
            return; // the command ended by itself; the JVM is exiting with its code
        }
        try {
            client.close();
        } catch (RuntimeException ignored) {
            // exiting anyway
        }
        environment.out().flush();
        environment.err().flush();
        Runtime.getRuntime().halt(0);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to, and sees that we finished
        }
    }

    /** Prints and flushes one line; when nobody reads the output any more (a closed pipe), stops listening. */
    private static void print(PrintWriter out, String line, CountDownLatch stop) {
        synchronized (out) {
            out.println(line);
            out.flush();
            if (out.checkError()) {
                stop.countDown();
            }
        }
    }

    /** Counts printed messages against --count; unlimited without it. Used on the client's one event thread. */
    static final class MessageCounter {

        private final Integer limit;
        private int printed;

        MessageCounter(Integer limit) {
            this.limit = limit;
        }

        /** True if one more message may be printed (and counts it). */
        boolean take() {
            if (limit != null && printed >= limit) {
                return false;
            }
            printed++;
            return true;
        }

        boolean exhausted() {
            return limit != null && printed >= limit;
        }
    }
}
