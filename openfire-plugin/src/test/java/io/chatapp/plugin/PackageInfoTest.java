package io.chatapp.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package of the plugin says in its {@code package-info.java} what feature it is and which XEPs and RFCs it
 * implements, so a reader finds the boundary of a package without reading all of its classes.
 */
class PackageInfoTest {

    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        List<String> undocumented;
        try (Stream<Path> directories = Files.walk(SOURCES)) {
            undocumented = directories.filter(Files::isDirectory)
                    .filter(PackageInfoTest::holdsClasses)
                    .filter(directory -> !Files.exists(directory.resolve("package-info.java")))
                    .map(directory -> SOURCES.relativize(directory).toString())
                    .toList();
        }
        assertThat(undocumented).as("packages without package-info.java").isEmpty();
    }

    private static boolean holdsClasses(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(file -> file.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
