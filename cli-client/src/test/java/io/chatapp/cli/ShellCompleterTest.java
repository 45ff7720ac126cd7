package io.chatapp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellCompleterTest {

    private static List<String> complete(Supplier<Collection<String>> addresses, String line) {
        List<Candidate> candidates = new ArrayList<>();
        new ShellCompleter(addresses).complete(null, new DefaultParser().parse(line, line.length()), candidates);
        return candidates.stream().map(Candidate::value).toList();
    }

    @Test
    void commandNamesInFirstPosition() {
        assertThat(complete(List::of, "/")).containsExactlyElementsOf(ShellInterpreter.COMMANDS);
        assertThat(complete(List::of, "")).containsExactlyElementsOf(ShellInterpreter.COMMANDS);
    }

    @Test
    void plainTextIsNotCompleted() {
        assertThat(complete(List::of, "hel")).isEmpty();
    }

    @Test
    void contactsAfterCommandsTakingAnAddress() {
        List<String> contacts = List.of("bob@localhost", "carol@localhost");

        assertThat(complete(() -> contacts, "/chat ")).containsExactlyElementsOf(contacts);
        assertThat(complete(() -> contacts, "/msg ca")).containsExactlyElementsOf(contacts);
        assertThat(complete(() -> contacts, "/accept ")).containsExactlyElementsOf(contacts);
        assertThat(complete(() -> contacts, "/msg bob@localhost hel")).isEmpty();
    }

    @Test
    void contactsAreReadAtCompletionTime() {
        List<String> contacts = new ArrayList<>();
        ShellCompleter completer = new ShellCompleter(() -> List.copyOf(contacts));
        contacts.add("dave@localhost");

        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, new DefaultParser().parse("/chat ", 6), candidates);

        assertThat(candidates).extracting(Candidate::value).containsExactly("dave@localhost");
    }

    @Test
    void modesAndStatusUpdateCommandsAfterStatus() {
        List<String> expected = new ArrayList<>(ShellInterpreter.MODES);
        expected.addAll(StoryCommands.SUBCOMMANDS);
        assertThat(complete(List::of, "/status ")).containsExactlyElementsOf(expected);
    }

    @Test
    void visibilitiesAfterLastSeen() {
        assertThat(complete(List::of, "/lastseen ")).containsExactlyElementsOf(ShellInterpreter.VISIBILITIES);
    }

    @Test
    void failingContactListOffersNothing() {
        assertThat(complete(() -> {
            throw new IllegalStateException("not logged in");
        }, "/chat ")).isEmpty();
    }

    @Test
    void filesAfterSendAndDirectoriesAndFilesAfterDownloadsHandle(@TempDir Path directory) throws IOException {
        Files.createDirectory(directory.resolve("photos"));
        Files.writeString(directory.resolve("photo.jpg"), "x");
        Files.writeString(directory.resolve(".hidden"), "x");
        String base = directory + "/";

        assertThat(complete(List::of, "/send " + base + "ph")).containsExactly(base + "photo.jpg", base + "photos/");
        assertThat(complete(List::of, "/send " + base)).containsExactly(base + "photo.jpg", base + "photos/");
        assertThat(complete(List::of, "/download #3 " + base + "photos")).containsExactly(base + "photos/");
        assertThat(complete(List::of, "/download " + base)).as("the handle comes first").isEmpty();
        assertThat(complete(List::of, "/send " + base + "nothing/here")).isEmpty();
    }
}
