package io.chatapp.benchmarks.calls;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.DevServerConfig;
import io.chatapp.devserver.calls.CallNetwork;
import io.chatapp.devserver.calls.CallPartyProcess;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.turn.CoturnServer;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the call benchmarks run on, the integration tests' call harness ({@code io.chatapp.devserver.calls}): two
 * library clients, each a JVM in a network namespace of its own (libwebrtc gathers no candidates on loopback), logged
 * in to a dev server with the plugin in this JVM, reached through the namespaces' bridge. With {@code relay}, a real
 * coturn listens on the bridge, the plugin hands out its credentials (XEP-0215), and both parties use only relayed
 * candidates. Needs root and iproute2 (and coturn for the relay). {@link #close()} stops it all.
 */
final class CallLab implements AutoCloseable {

    private static final String PASSWORD = "bench-call-password";

    private final CallNetwork network;
    private final CoturnServer coturn;
    private final DevServer server;
    private final TestUser callerUser;
    private final TestUser calleeUser;
    private CallPartyProcess caller;
    private CallPartyProcess callee;

    private CallLab(CallNetwork network, CoturnServer coturn, DevServer server) {
        this.network = network;
        this.coturn = coturn;
        this.server = server;
        this.callerUser = new TestUser("bench-caller", PASSWORD, server.domain());
        this.calleeUser = new TestUser("bench-callee", PASSWORD, server.domain());
    }

    static CallLab start(Path folder, boolean relay) throws Exception {
        if (!CallNetwork.available()) {
            throw new IllegalStateException("Call benchmarks need network namespaces: run as root, with iproute2");
        }
        CallNetwork network = CallNetwork.create();
        CoturnServer coturn = null;
        DevServer server = null;
        try {
            if (relay) {
                coturn = CoturnServer.start(Files.createDirectories(folder.resolve("coturn")),
                        InetAddress.getByName(network.serverAddress()));
            }
            server = DevServer.start(DevServerConfig.forTests(Files.createDirectories(folder.resolve("server")))
                    .withProperties(coturn == null ? Map.of() : coturn.chatAppProperties()));
            CallLab lab = new CallLab(network, coturn, server);
            lab.logIn(relay);
            return lab;
        } catch (Exception | Error e) {
            if (server != null) {
                server.close();
            }
            if (coturn != null) {
                coturn.close();
            }
            network.close();
            throw e;
        }
    }

    private void logIn(boolean relay) throws Exception {
        server.createUser(callerUser.username(), PASSWORD);
        server.createUser(calleeUser.username(), PASSWORD);
        caller = CallPartyProcess.start(network.addParty(), network.serverAddress(), server, callerUser, "caller",
                relay);
        callee = CallPartyProcess.start(network.addParty(), network.serverAddress(), server, calleeUser, "callee",
                relay);
    }

    CallPartyProcess caller() {
        return caller;
    }

    CallPartyProcess callee() {
        return callee;
    }

    TestUser callerUser() {
        return callerUser;
    }

    TestUser calleeUser() {
        return calleeUser;
    }

    /** coturn's log (relay only). */
    Path coturnLog() {
        return coturn.log();
    }

    @Override
    public void close() throws Exception {
        try {
            for (CallPartyProcess party : new CallPartyProcess[] {caller, callee}) {
                if (party != null) {
                    party.close();
                }
            }
        } finally {
            try {
                server.close();
            } finally {
                if (coturn != null) {
                    coturn.close();
                }
                network.close();
            }
        }
    }
}
