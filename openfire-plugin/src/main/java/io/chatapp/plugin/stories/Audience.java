package io.chatapp.plugin.stories;

import java.util.Set;

/**
 * The audience of a story: a mode and the members it names (bare JIDs; none for {@link AudienceMode#CONTACTS}).
 * Only contacts are ever in it: a listed user who is not a contact sees nothing.
 */
public record Audience(AudienceMode mode, Set<String> members) {

    /** Most members one audience may list. */
    public static final int MAX_MEMBERS = 5_000;

    public static final Audience CONTACTS = new Audience(AudienceMode.CONTACTS, Set.of());

    public Audience {
        members = mode == AudienceMode.CONTACTS ? Set.of() : Set.copyOf(members);
    }

    /** Whether {@code viewer}, who is ({@code contact}) or is not a contact of the owner, is in the audience. */
    public boolean includes(String viewer, boolean contact) {
        if (!contact) {
            return false;
        }
        return switch (mode) {
            case CONTACTS -> true;
            case EXCEPT -> !members.contains(viewer);
            case ONLY -> members.contains(viewer);
        };
    }
}
