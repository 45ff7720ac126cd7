package io.chatapp.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * Files only their owner may read: created with mode 0600 (directories 0700) from the start, so that their content
 * is never readable by others, not even for a moment. On file systems without POSIX permissions the modes are
 * skipped.
 */
public final class PrivateFiles {

    public static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");

    private static final SecureRandom RANDOM = new SecureRandom();

    private PrivateFiles() {
    }

    /** Creates the directory and its missing parents, each with mode 0700. Existing ones are left as they are. */
    public static void createDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (isPosix(existingAncestor(directory))) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(DIRECTORY_MODE));
        } else {
            Files.createDirectories(directory);
        }
    }

    /**
     * Replaces the file's content atomically: the bytes go to a new 0600 temporary file in the same directory,
     * which is then moved over the target. Readers see the old or the new file, never a partial one.
     */
    public static void writeAtomically(Path target, byte[] content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        createDirectories(directory);
        Path temporary = createTemporary(directory, target.getFileName().toString());
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Makes sure the file exists with mode 0600: creates it so if missing, otherwise restricts its mode. */
    /** A properties file as written by {@link #writeProperties}; empty when the file does not exist. */
    public static java.util.Optional<java.util.Properties> readProperties(Path file) throws IOException {
        java.util.Properties properties = new java.util.Properties();
        try (java.io.Reader reader = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (java.nio.file.NoSuchFileException e) {
            return java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        return java.util.Optional.of(properties);
    }

    /** Writes properties owner-only and atomically (see {@link #writeAtomically}). */
    public static void writeProperties(Path file, java.util.Properties properties, String comment)
            throws IOException {
        java.io.StringWriter text = new java.io.StringWriter();
        properties.store(text, comment);
        writeAtomically(file, text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static void createOrRestrict(Path file) throws IOException {
        createDirectories(file.toAbsolutePath().getParent());
        boolean posix = isPosix(file.toAbsolutePath().getParent());
        try {
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE_MODE));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException exists) {
            if (posix) {
                Files.setPosixFilePermissions(file, FILE_MODE);
            }
        }
    }

    public static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static Path createTemporary(Path directory, String name) throws IOException {
        boolean posix = isPosix(directory);
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_MODE)}
                : new FileAttribute<?>[0];
        for (int attempt = 0; ; attempt++) {
            byte[] suffix = new byte[6];
            RANDOM.nextBytes(suffix);
            Path temporary = directory.resolve("." + name + "." + HexFormat.of().formatHex(suffix) + ".tmp");
            try {
                Path created = Files.createFile(temporary, attributes);
                if (posix) {
                    // A umask only removes bits: this restores the owner's read and write if an odd umask took them.
                    Files.setPosixFilePermissions(created, FILE_MODE);
                }
                return created;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) {
                    throw e;
                }
            }
        }
    }

    private static Path existingAncestor(Path path) {
        Path current = path.toAbsolutePath();
        while (current != null && !Files.exists(current)) {
            current = current.getParent();
        }
        return current == null ? path.toAbsolutePath().getRoot() : current;
    }
}
