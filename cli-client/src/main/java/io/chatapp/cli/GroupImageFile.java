package io.chatapp.cli;

import io.chatapp.client.GroupImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a file for {@code /group image}: the image types every client shows as a group image, recognised by their
 * first bytes rather than the file name.
 */
final class GroupImageFile {

    private GroupImageFile() {
    }

    static GroupImage read(String argument) {
        Path file = MediaLines.requireFile(argument);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String type = type(bytes);
        if (type == null) {
            throw new CliException(file + " is not a PNG, JPEG, GIF or WebP image");
        }
        return new GroupImage(type, bytes);
    }

    /** The image type the bytes start with, or null. */
    static String type(byte[] bytes) {
        if (startsWith(bytes, 0, (byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G')) {
            return "image/png";
        }
        if (startsWith(bytes, 0, (byte) 0xFF, (byte) 0xD8, (byte) 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(bytes, 0, (byte) 'G', (byte) 'I', (byte) 'F', (byte) '8')) {
            return "image/gif";
        }
        if (startsWith(bytes, 0, (byte) 'R', (byte) 'I', (byte) 'F', (byte) 'F')
                && startsWith(bytes, 8, (byte) 'W', (byte) 'E', (byte) 'B', (byte) 'P')) {
            return "image/webp";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int at, byte... prefix) {
        return bytes.length >= at + prefix.length
                && Arrays.equals(bytes, at, at + prefix.length, prefix, 0, prefix.length);
    }
}
