package io.chatapp.plugin.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which passwords an account may have: at least the configured length, at most {@link #MAX_LENGTH} characters, not
 * one of the most common passwords, not the user name, and not a run of one character or a plain sequence.
 */
public final class PasswordPolicy {

    /** SCRAM hashes any length, but nobody types more; bounding it bounds the hashing work an attacker can demand. */
    public static final int MAX_LENGTH = 1024;
    private static final Set<String> COMMON = loadCommon();

    private final int minLength;

    public PasswordPolicy(int minLength) {
        this.minLength = minLength;
    }

    /** Why the password is refused for this user, or empty when it is acceptable. */
    public Optional<String> problem(String username, String password) {
        if (password == null || password.length() < minLength) {
            return Optional.of("The password must have at least " + minLength + " characters.");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("The password must have at most " + MAX_LENGTH + " characters.");
        }
        String folded = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(folded)) {
            return Optional.of("This password is one of the most common ones; choose another.");
        }
        if (username != null && username.length() >= 3 && folded.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("The password must not contain the user name.");
        }
        if (isRunOrSequence(folded)) {
            return Optional.of("The password must not be one repeated character or a simple sequence.");
        }
        return Optional.empty();
    }

    /** "aaaaaaaa", "12345678", "abcdefgh", "87654321": every step the same (0, +1 or -1). */
    private static boolean isRunOrSequence(String password) {
        int step = password.codePointAt(1) - password.codePointAt(0);
        if (Math.abs(step) > 1) {
            return false;
        }
        for (int i = 2; i < password.length(); i++) {
            if (password.charAt(i) - password.charAt(i - 1) != step) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> loadCommon() {
        Set<String> common = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the plugin");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.trim();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    common.add(entry.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(common);
    }
}
