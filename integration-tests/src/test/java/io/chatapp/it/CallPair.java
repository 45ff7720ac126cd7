package io.chatapp.it;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.calls.CallNetwork;
import io.chatapp.devserver.calls.CallPartyProcess;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;

/**
 * Two call parties, alice on a laptop and bob on a phone, each a JVM in a network namespace of its own on one
 * {@link CallNetwork}, logged in to the test server; closed together. What a test of real calls starts with.
 */
final class CallPair implements AutoCloseable {

    private final CallNetwork network;
    private final CallPartyProcess alice;
    private final CallPartyProcess bob;
    private final String bobJid;

    private CallPair(CallNetwork network, CallPartyProcess alice, CallPartyProcess bob, String bobJid) {
        this.network = network;
        this.alice = alice;
        this.bob = bob;
        this.bobJid = bobJid;
    }

    /** Creates the network and the two users and starts both parties; what started is closed if one fails. */
    static CallPair start(DevServer server, TestUsers users) throws Exception {
        CallNetwork network = CallNetwork.create();
        CallPartyProcess alice = null;
        try {
            TestUser bobUser = users.create("bob");
            alice = CallPartyProcess.start(network.addParty(), network.serverAddress(), server, users.create("alice"),
                    "laptop");
            CallPartyProcess bob = CallPartyProcess.start(network.addParty(), network.serverAddress(), server,
                    bobUser, "phone");
            return new CallPair(network, alice, bob, bobUser.jid());
        } catch (Exception | Error e) {
            if (alice != null) {
                alice.close();
            }
            network.close();
            throw e;
        }
    }

    CallPartyProcess alice() {
        return alice;
    }

    CallPartyProcess bob() {
        return bob;
    }

    /** Bob's bare address, to call him. */
    String bobJid() {
        return bobJid;
    }

    @Override
    public void close() throws Exception {
        try {
            alice.close();
            bob.close();
        } finally {
            network.close();
        }
    }
}
