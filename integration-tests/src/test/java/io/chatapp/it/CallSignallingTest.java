package io.chatapp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.client.Call;
import io.chatapp.client.CallEndReason;
import io.chatapp.client.CallEvent;
import io.chatapp.client.CallState;
import io.chatapp.client.ChatClient;
import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Call signalling between library clients and against hand-written standard-client stanzas: reject, cancel before
 * answer, busy, a call answered or rejected on a second device stops the first ringing, and the Jingle and JMI a
 * wrong or broken peer sends get the XEP-0166 errors (or are ignored) without harming the call or the connection.
 * No media flows here (the calls are ended before it would); {@link CallMediaTest} has that.
 */
@ExtendWith(ChatServerExtension.class)
class CallSignallingTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final DevServer server;
    private final TestUsers users;
    private Clients clients;
    private TestUser aliceUser;
    private TestUser bobUser;
    private ChatClient alice;
    private ChatClient bob;
    private CallEvents aliceEvents;
    private CallEvents bobEvents;

    CallSignallingTest(DevServer server, TestUsers users) {
        this.server = server;
        this.users = users;
    }

    @BeforeEach
    void logIn() {
        clients = new Clients(server);
        aliceUser = users.create("alice");
        bobUser = users.create("bob");
        alice = clients.open(clients.config().withResource("laptop"));
        aliceEvents = CallEvents.of(alice);
        alice.login(aliceUser.username(), aliceUser.password()).join();
        bob = clients.open(clients.config().withResource("phone"));
        bobEvents = CallEvents.of(bob);
        bob.login(bobUser.username(), bobUser.password()).join();
    }

    @AfterEach
    void close() {
        clients.close();
    }

    @Test
    void rejectedCallEndsOnBothSides() throws Exception {
        Call call = alice.calls().call(bobUser.jid(), false).join();
        Call incoming = bobEvents.next(CallEvent.Incoming.class).call();
        assertThat(incoming.id()).isEqualTo(call.id());
        assertThat(incoming.peer()).isEqualTo(aliceUser.jid());
        assertThat(aliceEvents.next(CallEvent.Ringing.class).call().id()).isEqualTo(call.id());

        incoming.reject();

        assertThat(bobEvents.next(CallEvent.Ended.class).reason()).isEqualTo(CallEndReason.REJECTED);
        CallEvent.Ended ended = aliceEvents.next(CallEvent.Ended.class);
        assertThat(ended.reason()).isEqualTo(CallEndReason.PEER_REJECTED);
        assertThat(ended.duration()).isZero();
        assertThat(call.state()).isEqualTo(CallState.ENDED);
    }

    @Test
    void callCancelledBeforeAnswerIsMissedByTheCallee() throws Exception {
        Call call = alice.calls().call(bobUser.jid(), true).join();
        assertThat(bobEvents.next(CallEvent.Incoming.class).call().video()).isTrue();

        call.hangUp();

        assertThat(aliceEvents.next(CallEvent.Ended.class).reason()).isEqualTo(CallEndReason.CANCELLED);
        assertThat(bobEvents.next(CallEvent.Ended.class).reason()).isEqualTo(CallEndReason.MISSED);
    }

    @Test
    void aCalleeInAnotherCallIsBusy() throws Exception {
        TestUser carolUser = users.create("carol");
        ChatClient carol = clients.loggedIn(carolUser);
        Call first = carol.calls().call(bobUser.jid(), false).join();
        bobEvents.next(CallEvent.Incoming.class);

        alice.calls().call(bobUser.jid(), false).join();

        assertThat(aliceEvents.next(CallEvent.Ended.class).reason()).isEqualTo(CallEndReason.BUSY);
        assertThat(bobEvents.seen()).as("the second call never rang").hasSize(1);
        first.hangUp();
    }

    @Test
    void callAnsweredOnOneDeviceStopsRingingOnTheOther() throws Exception {
        ChatClient bobTablet = clients.open(clients.config().withResource("tablet"));
        CallEvents tabletEvents = CallEvents.of(bobTablet);
        bobTablet.login(bobUser.username(), bobUser.password()).join();

        Call call = alice.calls().call(bobUser.jid(), false).join();
        Call onPhone = bobEvents.next(CallEvent.Incoming.class).call();
        tabletEvents.next(CallEvent.Incoming.class);

        onPhone.accept();

        assertThat(tabletEvents.next(CallEvent.Ended.class).reason()).isEqualTo(CallEndReason.ANSWERED_ELSEWHERE);
        aliceEvents.next(CallEvent.Connecting.class);
        call.hangUp();
        assertThat(aliceEvents.next(CallEvent.Ended.class).reason()).isEqualTo(CallEndReason.HUNG_UP);
    }

    @Test
    void callRejectedOnOneDeviceStopsRingingOnTheOther() throws Exception {
        ChatClient bobTablet = clients.open(clients.config().withResource("tablet"));
        CallEvents tabletEvents = CallEvents.of(bobTablet);
        bobTablet.login(bobUser.username(), bobUser.password()).join();

        alice.calls().call(bobUser.jid(), false).join();
        bobEvents.next(CallEvent.Incoming.class);
        Call onTablet = tabletEvents.next(CallEvent.Incoming.class).call();

        onTablet.reject();

        assertThat(bobEvents.next(CallEvent.Ended.class).reason()).isEqualTo(CallEndReason.REJECTED_ELSEWHERE);
        assertThat(aliceEvents.next(CallEvent.Ended.class).reason()).isEqualTo(CallEndReason.PEER_REJECTED);
    }

    @Test
    void jingleForAnUnknownSessionOrFromAStrangerGetsUnknownSession() throws Exception {
        TestUser malloryUser = users.create("mallory");
        try (RawXmpp mallory = RawXmpp.login(server, malloryUser)) {
            String bobJid = bob.jid().orElseThrow();
            String unknown = mallory.iq("set", bobJid, "<jingle xmlns='urn:xmpp:jingle:1' action='session-info' "
                    + "sid='no-such-session'/>");
            assertThat(unknown).contains("type='error'").contains("<item-not-found")
                    .contains("<unknown-session xmlns='urn:xmpp:jingle:errors:1'/>");

            Call call = alice.calls().call(bobUser.jid(), false).join();
            Call incoming = bobEvents.next(CallEvent.Incoming.class).call();
            String stranger = mallory.iq("set", bobJid, "<jingle xmlns='urn:xmpp:jingle:1' "
                    + "action='session-terminate' sid='" + call.id() + "'><reason><success/></reason></jingle>");
            assertThat(stranger).contains("<item-not-found").contains("<unknown-session");

            mallory.message(bobUser.jid(), "chat", null, "<retract xmlns='urn:xmpp:jingle-message:0' id='"
                    + call.id() + "'/>");
            Thread.sleep(500);
            assertThat(incoming.state()).as("a stranger's retract is ignored").isEqualTo(CallState.INCOMING);

            call.hangUp();
            assertThat(bobEvents.next(CallEvent.Ended.class).reason()).isEqualTo(CallEndReason.MISSED);
        }
    }

    @Test
    void malformedJingleIsRefusedAndTheClientStaysConnected() throws Exception {
        TestUser malloryUser = users.create("mallory");
        try (RawXmpp mallory = RawXmpp.login(server, malloryUser)) {
            String garbage = mallory.iq("set", bob.jid().orElseThrow(), "<jingle xmlns='urn:xmpp:jingle:1' "
                    + "action='transport-info' sid='x'><content creator='initiator' name='0'>"
                    + "<transport xmlns='urn:xmpp:jingle:transports:ice-udp:1'><candidate component='1' "
                    + "foundation='1' generation='0' id='c' ip='10.0.0.1' network='0' port='many' priority='1' "
                    + "protocol='udp' type='host'/></transport></content></jingle>");
            assertThat(garbage).contains("type='error'").contains("<bad-request");

            Thread.sleep(500);
            assertThat(bob.isLoggedIn()).isTrue();
            alice.calls().call(bobUser.jid(), false).join();
            bobEvents.next(CallEvent.Incoming.class).call().reject();
            assertThat(aliceEvents.next(CallEvent.Ended.class).reason()).isEqualTo(CallEndReason.PEER_REJECTED);
        }
    }

    @Test
    void aStandardClientsProposalRingsAndIsAnsweredAsXep0353Says() throws Exception {
        TestUser daveUser = users.create("dave");
        try (RawXmpp dave = RawXmpp.login(server, daveUser)) {
            dave.message(bobUser.jid(), "chat", null, "<propose xmlns='urn:xmpp:jingle-message:0' id='conv-1'>"
                    + "<description xmlns='urn:xmpp:jingle:apps:rtp:1' media='audio'/></propose>"
                    + "<store xmlns='urn:xmpp:hints'/>");
            Call incoming = bobEvents.next(CallEvent.Incoming.class).call();
            assertThat(incoming.peer()).isEqualTo(daveUser.jid());
            String ringing = dave.nextMessage(xml -> xml.contains("<ringing"));
            assertThat(ringing).contains("type='chat'").contains("id='conv-1'").contains("<store xmlns='urn:xmpp:hints'/>");

            incoming.reject();

            String reject = dave.nextMessage(xml -> xml.contains("<reject"));
            assertThat(reject).contains("<decline/>").contains("id='conv-1'");
        }
    }
}
