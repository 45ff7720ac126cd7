package io.chatapp.devserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Openfire 5.2 binary distribution (Openfire 5.x is not on Maven Central): a {@code .tar.gz} of Openfire's
 * {@code distribution-base} folder, found through the system property {@value #PROPERTY} (the archive itself or a
 * folder holding {@value #PATTERN_TEXT}), else in {@code ../shared/openfire-5/} next to the project, else in
 * {@code /work/shared/openfire-5/}. Unpacked with {@code tar} into an Openfire home.
 */
final class Openfire5Distribution {

    static final String PROPERTY = "chatapp.openfire5.archive";
    private static final String PATTERN_TEXT = "openfire-5.2.0-alpha-*.tar.gz";
    private static final String PREFIX = "openfire-5.2.0-alpha-";
    private static final String SUFFIX = ".tar.gz";
    private static final List<Path> DEFAULT_FOLDERS = List.of(Path.of("..", "shared", "openfire-5"),
            Path.of("/work/shared/openfire-5"));

    private final Path archive;

    private Openfire5Distribution(Path archive) {
        this.archive = archive;
    }

    /** The archive named by {@value #PROPERTY} or found in a default folder; fails naming the property. */
    static Openfire5Distribution locate() throws IOException {
        String configured = System.getProperty(PROPERTY);
        List<Path> candidates = configured == null || configured.isBlank() ? DEFAULT_FOLDERS
                : List.of(Path.of(configured));
        for (Path candidate : candidates) {
            Optional<Path> found = archiveAt(candidate.toAbsolutePath().normalize());
            if (found.isPresent()) {
                return new Openfire5Distribution(found.get());
            }
        }
        throw new IOException("No Openfire 5.2 distribution (" + PATTERN_TEXT + ") at " + candidates
                + ": set the system property " + PROPERTY + " to the archive or to the folder holding it");
    }

    private static Optional<Path> archiveAt(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return Optional.of(path);
        }
        if (!Files.isDirectory(path)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(path)) {
            return files.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
            }).sorted().reduce((first, second) -> second);
        }
    }

    Path archive() {
        return archive;
    }

    /** Unpacks the distribution into {@code home} unless an earlier start did (kept across restarts, as 4.2's). */
    void unpackInto(Path home) throws IOException, InterruptedException {
        if (Files.exists(home.resolve("lib/startup.jar"))) {
            return;
        }
        Files.createDirectories(home);
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", home.toString(),
                "--strip-components=1").redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!tar.waitFor(5, TimeUnit.MINUTES) || tar.exitValue() != 0
                || !Files.exists(home.resolve("lib/startup.jar"))) {
            throw new IOException("Could not unpack " + archive + " into " + home + ": " + output);
        }
        // The distribution's empty key store would be kept by OpenfireHome: ours carries the domain's certificate.
        Files.deleteIfExists(home.resolve("resources/security/keystore"));
    }
}
