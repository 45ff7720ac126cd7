package io.chatapp.plugin.config;

import java.util.function.Function;

/**
 * One typed, documented setting: its property name, its default and how a raw value is parsed.
 * Every setting the plugin reads is declared as a constant in {@link Settings} so that
 * {@code docs/configuration.md} can list them all.
 */
public final class Setting<T> {

    private final String name;
    private final T defaultValue;
    private final Function<String, T> parser;
    private final String description;

    private Setting(String name, T defaultValue, Function<String, T> parser, String description) {
        this.name = name;
        this.defaultValue = defaultValue;
        this.parser = parser;
        this.description = description;
    }

    public static Setting<String> string(String name, String defaultValue, String description) {
        return new Setting<>(name, defaultValue, raw -> raw, description);
    }

    public static Setting<Integer> integer(String name, int defaultValue, int min, int max, String description) {
        return ranged(name, defaultValue, min, max, raw -> Integer.parseInt(raw.trim()), description);
    }

    /** For byte counts and other values beyond {@code int}. */
    public static Setting<Long> longInteger(String name, long defaultValue, long min, long max, String description) {
        return ranged(name, defaultValue, min, max, raw -> Long.parseLong(raw.trim()), description);
    }

    private static <N extends Number & Comparable<N>> Setting<N> ranged(String name, N defaultValue, N min, N max,
                                                                        Function<String, N> parse,
                                                                        String description) {
        return new Setting<>(name, defaultValue, raw -> {
            N value = parse.apply(raw);
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new IllegalArgumentException("must be between " + min + " and " + max);
            }
            return value;
        }, description);
    }

    public static Setting<Boolean> bool(String name, boolean defaultValue, String description) {
        return new Setting<>(name, defaultValue, raw -> {
            String value = raw.trim().toLowerCase(java.util.Locale.ROOT);
            if (value.equals("true") || value.equals("1")) {
                return true;
            }
            if (value.equals("false") || value.equals("0")) {
                return false;
            }
            throw new IllegalArgumentException("must be true or false");
        }, description);
    }

    public String name() {
        return name;
    }

    public T defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** Reads this setting; a blank value means the default, a malformed one is a configuration error. */
    public T read(SettingsSource source) {
        String raw = source.get(name);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            return parser.apply(raw);
        } catch (RuntimeException e) {
            throw new InvalidSettingException(name, raw, e.getMessage());
        }
    }
}
