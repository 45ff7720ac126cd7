package io.chatapp.plugin.media;

import java.util.Optional;

/**
 * One byte range of an RFC 9110 {@code Range: bytes=...} header, resolved against the size of the file.
 *
 * @param first the first byte's offset
 * @param last  the last byte's offset (inclusive)
 */
record ByteRange(long first, long last) {

    long length() {
        return last - first + 1;
    }

    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /** What a Range header asks for. */
    sealed interface Request {
    }

    /** Serve the whole file (no header, a header we do not serve partially such as several ranges, or garbage). */
    record Whole() implements Request {
    }

    /** Serve this part with 206. */
    record Part(ByteRange range) implements Request {
    }

    /** No byte of the range exists: 416. */
    record Unsatisfiable() implements Request {
    }

    static Request parse(String header, long size) {
        if (header == null || !header.startsWith("bytes=")) {
            return new Whole();
        }
        String spec = header.substring("bytes=".length()).trim();
        if (spec.contains(",")) {
            // Several ranges (multipart/byteranges) are allowed to be answered with the whole file (RFC 9110 §14.2).
            return new Whole();
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return new Whole();
        }
        Optional<Long> start = number(spec.substring(0, dash));
        Optional<Long> end = number(spec.substring(dash + 1));
        if (spec.substring(0, dash).isEmpty()) {
            // Suffix range: the last N bytes.
            if (end.isEmpty()) {
                return new Whole();
            }
            if (end.get() == 0 || size == 0) {
                return new Unsatisfiable();
            }
            return new Part(new ByteRange(Math.max(0, size - end.get()), size - 1));
        }
        if (start.isEmpty() || (!spec.substring(dash + 1).isEmpty() && end.isEmpty())) {
            return new Whole();
        }
        if (end.isPresent() && end.get() < start.get()) {
            return new Whole();
        }
        if (start.get() >= size) {
            return new Unsatisfiable();
        }
        long last = end.map(value -> Math.min(value, size - 1)).orElse(size - 1);
        return new Part(new ByteRange(start.get(), last));
    }

    private static Optional<Long> number(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty() || trimmed.length() > 18 || !trimmed.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(trimmed));
    }
}
