package io.chatapp.plugin.auth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.security.sasl.SaslException;
import javax.security.sasl.SaslServer;

/** Stand-ins for the mechanisms the guard wraps (Openfire's PLAIN and SCRAM) and for the account state. */
final class FakeSaslServers {

    private FakeSaslServers() {
    }

    /** PLAIN against a fixed password table; counts how often it is asked. */
    static final class Plain implements SaslServer {

        private final Map<String, String> passwords;
        final AtomicInteger calls;
        private String authorized;

        Plain(Map<String, String> passwords, AtomicInteger calls) {
            this.passwords = passwords;
            this.calls = calls;
        }

        @Override
        public byte[] evaluateResponse(byte[] response) throws SaslException {
            calls.incrementAndGet();
            if (response.length == 0) {
                return new byte[0]; // "send your credentials"
            }
            String[] parts = new String(response, StandardCharsets.UTF_8).split("\u0000", -1);
            if (parts.length != 3 || !parts[2].equals(passwords.get(parts[1]))) {
                throw new SaslException("not authorized");
            }
            authorized = parts[1];
            return null;
        }

        @Override
        public String getMechanismName() {
            return "PLAIN";
        }

        @Override
        public boolean isComplete() {
            return authorized != null;
        }

        @Override
        public String getAuthorizationID() {
            if (authorized == null) {
                throw new IllegalStateException("not complete");
            }
            return authorized;
        }

        @Override
        public byte[] unwrap(byte[] incoming, int offset, int len) {
            throw new IllegalStateException();
        }

        @Override
        public byte[] wrap(byte[] outgoing, int offset, int len) {
            throw new IllegalStateException();
        }

        @Override
        public Object getNegotiatedProperty(String propName) {
            return null;
        }

        @Override
        public void dispose() {
        }
    }

    /**
     * A two-step mechanism shaped like SCRAM-SHA-1: the first message names the user ("n,,n=alice,r=nonce"), the
     * second carries the password as "p=secret" (standing in for the proof).
     */
    static final class TwoStep implements SaslServer {

        private final Map<String, String> passwords;
        private String user;
        private String authorized;

        TwoStep(Map<String, String> passwords) {
            this.passwords = passwords;
        }

        @Override
        public byte[] evaluateResponse(byte[] response) throws SaslException {
            String message = new String(response, StandardCharsets.UTF_8);
            if (user == null) {
                user = SaslIdentities.claimedUser("SCRAM-SHA-1", response);
                if (user == null) {
                    throw new SaslException("bad client-first message");
                }
                return "r=nonce,s=salt,i=4096".getBytes(StandardCharsets.UTF_8);
            }
            if (!message.equals("p=" + passwords.get(user))) {
                throw new SaslException("bad proof");
            }
            authorized = user;
            return "v=ok".getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String getMechanismName() {
            return "SCRAM-SHA-1";
        }

        @Override
        public boolean isComplete() {
            return authorized != null;
        }

        @Override
        public String getAuthorizationID() {
            return authorized;
        }

        @Override
        public byte[] unwrap(byte[] incoming, int offset, int len) {
            throw new IllegalStateException();
        }

        @Override
        public byte[] wrap(byte[] outgoing, int offset, int len) {
            throw new IllegalStateException();
        }

        @Override
        public Object getNegotiatedProperty(String propName) {
            return null;
        }

        @Override
        public void dispose() {
        }
    }

    /** Account state the test sets: disabled accounts, and the logins it was told about. */
    static final class Status implements AccountStatus {

        final Set<String> disabled = ConcurrentHashMap.newKeySet();
        final List<String> logins = new CopyOnWriteArrayList<>();
        final Map<String, Instant> validAfter = new ConcurrentHashMap<>();

        @Override
        public boolean isDisabled(String username) {
            return disabled.contains(username);
        }

        @Override
        public Instant tokensValidAfter(String username) {
            return validAfter.getOrDefault(username, Instant.MIN);
        }

        @Override
        public void loggedIn(String username) {
            logins.add(username);
        }
    }
}
