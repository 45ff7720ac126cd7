package io.chatapp.cli;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion in the shell: command names in first position; after /chat, /msg, /accept, /decline and /add the
 * contacts' addresses (also after /history and /read), read when Tab is pressed so that new contacts are offered at
 * once; after /status the modes; after /lastseen its values.
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
        if (index != 1 || words.isEmpty()) {
            return;
        }
        String command = words.get(0).toLowerCase(java.util.Locale.ROOT);
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
        } else if (command.equals("/lastseen")) {
            ShellInterpreter.VISIBILITIES.forEach(value -> candidates.add(candidate(value)));
        }
    }

    private static Candidate candidate(String value) {
        return new Candidate(value, value, null, null, null, null, true);
    }
}
