package io.chatapp.devserver;

import java.util.Arrays;
import java.util.Locale;

/**
 * Which Openfire a {@link DevServer} runs: Openfire 4.2.0 from Maven Central in this JVM (the default, and what the
 * plugin compiles against), or Openfire 5.2 from its distribution in a process of its own (see
 * {@link Openfire5Distribution}). Tests choose it with the system property {@value #PROPERTY} ({@code 4.2} or
 * {@code 5.2}).
 */
public enum OpenfireTarget {

    OPENFIRE_4_2("4.2"),
    OPENFIRE_5_2("5.2");

    public static final String PROPERTY = "chatapp.openfire.target";

    private final String version;

    OpenfireTarget(String version) {
        this.version = version;
    }

    public String version() {
        return version;
    }

    /** The target named by {@value #PROPERTY}, 4.2 when it is unset; an unknown value fails naming the known ones. */
    public static OpenfireTarget fromSystemProperty() {
        String value = System.getProperty(PROPERTY, "").trim();
        if (value.isEmpty()) {
            return OPENFIRE_4_2;
        }
        return Arrays.stream(values()).filter(target -> target.version.equals(value.toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(PROPERTY + "=" + value
                        + " is not a known Openfire target: use 4.2 or 5.2"));
    }
}
