package io.chatapp.plugin.stories;

import java.util.Set;

/**
 * A user's contacts as stories count them: the users with whom the roster subscription is mutual ({@code both}).
 * Openfire's rosters answer it in the binding; tests give a map. May read the database: never called on a packet
 * thread.
 */
@FunctionalInterface
public interface Contacts {

    /** The bare JIDs of the user's mutual contacts (empty for an unknown user). */
    Set<String> of(String user) throws Exception;
}
