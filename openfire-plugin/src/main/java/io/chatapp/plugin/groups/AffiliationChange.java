package io.chatapp.plugin.groups;

import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;

/**
 * One item of a XEP-0045 affiliation change on a group room: {@code owner} (make admin), {@code member} (add or
 * demote) or {@code none} (remove). Groups have no use for {@code admin} or {@code outcast}: they are refused, so the
 * room's affiliations always mean the same thing.
 *
 * @param jid         the bare JID the change is about
 * @param affiliation owner, member or none
 */
public record AffiliationChange(String jid, String affiliation) {

    public AffiliationChange {
        if (jid == null || jid.isBlank() || jid.contains("/")) {
            throw new StanzaErrorException(StanzaError.BAD_REQUEST, "an affiliation change needs a bare JID");
        }
        if (!affiliation.equals("owner") && !affiliation.equals("member") && !affiliation.equals("none")) {
            throw new StanzaErrorException(StanzaError.NOT_ACCEPTABLE, "groups use the affiliations owner (admin),"
                    + " member and none (removed), not " + affiliation);
        }
    }

    /** The role this change gives, or null when it removes the member. */
    GroupRole role() {
        return switch (affiliation) {
            case "owner" -> GroupRole.ADMIN;
            case "member" -> GroupRole.MEMBER;
            default -> null;
        };
    }
}
