package io.chatapp.benchmarks.xmpp;

import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.roster.Roster;
import org.jivesoftware.openfire.roster.RosterItem;
import org.jivesoftware.openfire.roster.RosterManager;
import org.xmpp.packet.JID;

/**
 * Makes benchmark users mutual contacts (roster items with subscription {@code both} on both sides), through
 * Openfire's roster manager in the server's JVM: what a subscription request and its approval end in, without the
 * 2 × N presence round trips that 1,000 clients would need. Runs before anyone logs in.
 */
final class MutualRosters {

    private MutualRosters() {
    }

    /** Makes {@code owner} and every user {@code prefix0 … prefix<count-1>} mutual contacts. */
    static void befriend(String domain, String owner, String prefix, int count) throws Exception {
        RosterManager rosters = XMPPServer.getInstance().getRosterManager();
        Roster ownerRoster = rosters.getRoster(owner);
        JID ownerJid = new JID(owner, domain, null);
        for (int i = 0; i < count; i++) {
            String contact = BenchmarkServer.user(prefix, i);
            add(ownerRoster, new JID(contact, domain, null));
            add(rosters.getRoster(contact), ownerJid);
        }
    }

    private static void add(Roster roster, JID contact) throws Exception {
        RosterItem item = roster.createRosterItem(contact, false, true);
        item.setSubStatus(RosterItem.SUB_BOTH);
        roster.updateRosterItem(item);
    }
}
