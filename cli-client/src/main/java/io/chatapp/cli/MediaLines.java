package io.chatapp.cli;

import io.chatapp.client.MediaAttachment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * How chatapp shows files: a shared file as one line ({@code [image 1.2 MB] photo.jpg}), sizes in human units, the
 * progress bar of a transfer, and where a download goes.
 */
final class MediaLines {

    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};
    static final int BAR_WIDTH = 24;

    private MediaLines() {
    }

    /**
     * {@code [image 1.2 MB] photo.jpg}, {@code [video 1:03, 5.0 MB] clip.mp4}, {@code [file] notes.txt} when the
     * size is unknown. The name is cleaned of control characters.
     */
    static String describe(MediaAttachment media) {
        StringBuilder line = new StringBuilder("[").append(media.kind().name().toLowerCase(Locale.ROOT));
        String separator = " ";
        if (media.duration() != null) {
            line.append(separator).append(duration(media.duration()));
            separator = ", ";
        }
        if (media.size() != null) {
            line.append(separator).append(size(media.size()));
        }
        return line.append("] ").append(EventLines.clean(media.name()).replace('\n', ' ')).toString();
    }

    /** {@code 512 B}, {@code 1.2 MB}, {@code 64.0 MB}: binary multiples, one decimal from KB on. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    /** {@code 0:42}, {@code 1:03:20}. */
    static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        long hours = seconds / 3600;
        long minutes = seconds / 60 % 60;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", minutes, seconds % 60);
    }

    /**
     * One state of a transfer's progress bar: {@code photo.jpg [#########...............]  38%  460.0 KB / 1.2 MB};
     * without a known total, only the bytes so far.
     */
    static String progress(String label, long done, long total) {
        String name = EventLines.clean(label).replace('\n', ' ');
        if (total <= 0) {
            return name + " " + size(done);
        }
        long clamped = Math.min(done, total);
        int filled = (int) (clamped * BAR_WIDTH / total);
        int percent = (int) (clamped * 100 / total);
        return name + " [" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%3d%%", percent) + "  " + size(clamped) + " / " + size(total);
    }

    /**
     * Where {@code /download} saves a file: {@code requested} itself when it is a new file's path; inside it when it
     * is a directory (or, when null, in {@code defaultDirectory}) under the file's name, numbered
     * ({@code photo (1).jpg}) when that is taken.
     */
    static Path target(Path requested, Path defaultDirectory, String name) {
        Path directory = requested == null ? defaultDirectory : requested;
        if (!Files.isDirectory(directory)) {
            if (Files.exists(directory)) {
                throw new CliException(directory + " already exists: give another name or a directory");
            }
            return directory;
        }
        Path candidate = directory.resolve(name);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int i = 1; Files.exists(candidate); i++) {
            candidate = directory.resolve(stem + " (" + i + ")" + extension);
        }
        return candidate;
    }

    /** The default download directory: ~/Downloads when there is one, else the home directory. */
    static Path defaultDirectory(Path home) {
        Path downloads = home.resolve("Downloads");
        return Files.isDirectory(downloads) ? downloads : home;
    }

    /** A file to send: it must exist and be a readable regular file. */
    static Path requireFile(String argument) {
        Path file;
        try {
            file = Path.of(expandHome(argument.strip()));
        } catch (java.nio.file.InvalidPathException e) {
            throw new CliException("invalid file name: " + argument, e);
        }
        if (!Files.isRegularFile(file)) {
            throw new CliException("no such file: " + file);
        }
        if (!Files.isReadable(file)) {
            throw new CliException("cannot read " + file);
        }
        try {
            if (Files.size(file) == 0) {
                throw new CliException(file + " is empty: there is nothing to send");
            }
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static String expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return System.getProperty("user.home") + path.substring(1);
        }
        return path;
    }
}
