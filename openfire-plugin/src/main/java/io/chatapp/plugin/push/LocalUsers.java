package io.chatapp.plugin.push;

/**
 * Picks this server's accounts out of bare JIDs: only they have devices here (a remote user's own server pushes to
 * theirs).
 */
final class LocalUsers {

    private final String domainSuffix;

    LocalUsers(String domain) {
        this.domainSuffix = "@" + domain;
    }

    /** The username of a bare JID of this server, or null for another server's. */
    String username(String bareJid) {
        return bareJid.endsWith(domainSuffix) ? bareJid.substring(0, bareJid.length() - domainSuffix.length()) : null;
    }
}
