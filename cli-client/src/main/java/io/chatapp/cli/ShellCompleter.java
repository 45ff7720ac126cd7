package io.chatapp.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion in the shell: command names in first position; after /chat, /msg, /accept, /decline and /add the
 * contacts' addresses (also after /history and /read), read when Tab is pressed so that new contacts are offered at
 * once; after /status the modes and the status-update commands; after /lastseen its values; after /send file names, and after /download #N
 * directory and file names.
 */
public final class ShellCompleter implements Completer {

    private final Supplier<Collection<String>> addresses;

    /** @param addresses the addresses to offer, asked for on every completion */
    public ShellCompleter(Supplier<Collection<String>> addresses) {
        this.addresses = addresses;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        int index = line.wordIndex();
        if (index == 0) {
            String typed = line.word();
            if (typed.isEmpty() || typed.startsWith("/")) {
                ShellInterpreter.COMMANDS.forEach(command -> candidates.add(candidate(command)));
            }
            return;
        }
        if (words.isEmpty()) {
            return;
        }
        String command = words.get(0).toLowerCase(java.util.Locale.ROOT);
        if ((command.equals("/send") && index == 1) || (command.equals("/download") && index == 2)) {
            paths(line.word(), candidates);
            return;
        }
        if (index != 1) {
            return;
        }
        if (ShellInterpreter.ADDRESS_COMMANDS.contains(command)) {
            Collection<String> known;
            try {
                known = addresses.get();
            } catch (RuntimeException unavailable) {
                return; // nothing to offer; never break the line being typed
            }
            known.forEach(address -> candidates.add(candidate(address)));
        } else if (command.equals("/status")) {
            ShellInterpreter.MODES.forEach(mode -> candidates.add(candidate(mode)));
            StoryCommands.SUBCOMMANDS.forEach(sub -> candidates.add(candidate(sub)));
        } else if (command.equals("/lastseen")) {
            ShellInterpreter.VISIBILITIES.forEach(value -> candidates.add(candidate(value)));
        }
    }

    /** The files and directories whose path starts with what is typed ({@code ~/} is the home directory). */
    static void paths(String typed, List<Candidate> candidates) {
        int slash = typed.lastIndexOf('/');
        String directoryPart = slash < 0 ? "" : typed.substring(0, slash + 1);
        String prefix = typed.substring(slash + 1);
        String directory = directoryPart.startsWith("~/")
                ? System.getProperty("user.home") + directoryPart.substring(1) : directoryPart;
        Path listed = Path.of(directory.isEmpty() ? "." : directory);
        try (Stream<Path> entries = Files.list(listed)) {
            entries.map(entry -> entry.getFileName().toString())
                    .filter(name -> name.startsWith(prefix) && (!name.startsWith(".") || prefix.startsWith(".")))
                    .sorted()
                    .forEach(name -> {
                        boolean isDirectory = Files.isDirectory(listed.resolve(name));
                        String value = directoryPart + name + (isDirectory ? "/" : "");
                        candidates.add(new Candidate(value, name + (isDirectory ? "/" : ""), null, null, null, null,
                                !isDirectory));
                    });
        } catch (IOException | RuntimeException unreadable) {
            // nothing to offer
        }
    }

    private static Candidate candidate(String value) {
        return new Candidate(value, value, null, null, null, null, true);
    }
}
