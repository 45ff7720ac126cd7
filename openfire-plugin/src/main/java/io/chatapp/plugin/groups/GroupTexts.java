package io.chatapp.plugin.groups;

import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;

/**
 * How long a group's name and description may be. A name is at most 100 characters, as WhatsApp's. Openfire keeps
 * both in 255-character columns of its room table: a longer description failed to save there and stayed in memory
 * only, so that the room came back from a restart with its old one (found by {@code OversizedRequestTest}, with a
 * 256 KB name that was then still accepted).
 */
public final class GroupTexts {

    public static final int MAX_NAME_CHARACTERS = 100;
    public static final int MAX_DESCRIPTION_CHARACTERS = 255;

    private GroupTexts() {
    }

    /** Refuses (bad-request) a name or description (null: unchanged) longer than allowed. */
    public static void check(String name, String description) {
        if (name != null && name.codePointCount(0, name.length()) > MAX_NAME_CHARACTERS) {
            throw new StanzaErrorException(StanzaError.BAD_REQUEST, "a group's name is at most "
                    + MAX_NAME_CHARACTERS + " characters");
        }
        if (description != null && description.codePointCount(0, description.length())
                > MAX_DESCRIPTION_CHARACTERS) {
            throw new StanzaErrorException(StanzaError.BAD_REQUEST, "a group's description is at most "
                    + MAX_DESCRIPTION_CHARACTERS + " characters");
        }
    }
}
