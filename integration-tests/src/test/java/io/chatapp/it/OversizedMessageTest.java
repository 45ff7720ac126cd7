package io.chatapp.it;

import static io.chatapp.it.ArchiveProtocolTest.mam;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.devserver.DevServer;
import io.chatapp.devserver.junit.ChatServerExtension;
import io.chatapp.devserver.junit.TestUser;
import io.chatapp.devserver.junit.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15's oversized stanzas to our namespaces, for messages (OversizedRequestTest has the IQs): a message whose id,
 * or the id of an element directly in it (origin-id, receipt, chat marker, retraction, correction, reaction, call
 * proposal), is 256 KB, one-to-one and to a group. Before the id limit, the first of them stopped the archive's writer
 * for everyone: PostgreSQL refuses an index entry that large, and the writer retried it for ever. Now each is refused
 * to its sender with policy-violation naming the limit, reaches nobody, is archived nowhere, and the archive, the
 * receipts and the connection carry on.
 */
@ExtendWith(ChatServerExtension.class)
class OversizedMessageTest {

    /** Random letters and digits: a value PostgreSQL cannot compress into an index entry (at most 2,704 bytes). */
    private static final String BIG = random(256 * 1024);

    @Test
    void messagesWithAnOversizedIdAreRefusedAndTheArchiveCarriesOn(DevServer server, TestUsers users)
            throws Exception {
        TestUser alice = users.create("alice");
        TestUser bob = users.create("bob");
        try (RawXmpp a = RawXmpp.login(server, alice, "phone");
             RawXmpp b = RawXmpp.login(server, bob)) {
            String room = GroupsProtocolTest.groupWith(server, a, b, bob, "member");
            String kept = a.message(bob.jid(), "chat", "before", "<request xmlns='urn:xmpp:receipts'/>");
            String archiveId = ArchiveProtocolTest.stanzaId(b.nextMessage(xml -> xml.contains("before")), bob.jid());

            List<String> refused = new ArrayList<>();
            for (Map.Entry<String, String> oversized : oversizedMessages(server).entrySet()) {
                for (String to : List.of(bob.jid(), room)) {
                    String type = to.equals(room) ? "groupchat" : "chat";
                    String id = a.message(to, type, "refused " + oversized.getKey(), oversized.getValue());
                    String error = a.nextMessage(xml -> xml.contains("type='error'") && xml.contains(id));
                    assertThat(error).as("%s to %s", oversized.getKey(), type)
                            .contains("<policy-violation xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'")
                            .contains("type='modify'").contains("message id longer than 256 characters");
                    refused.add(oversized.getKey() + " (" + type + ")");
                }
            }
            String ownId = a.messageWithId(bob.jid(), "chat", "refused own id", "i".repeat(257));
            assertThat(a.nextMessage(xml -> xml.contains("type='error'") && xml.contains(ownId)))
                    .as("a message whose own id is 257 characters").contains("message id longer than 256 characters");
            String bigId = a.messageWithId(bob.jid(), "chat", "refused own id", BIG);
            assertThat(a.nextMessage(xml -> xml.contains("type='error'") && xml.contains(bigId)))
                    .as("a message whose own id is 256 KB").contains("message id longer than 256 characters");
            System.out.println("Refused: " + refused + " and the message's own id");

            // The receipt for the kept message, then a message after them all, each with an id at the limit.
            String atLimit = "i".repeat(256);
            a.messageWithId(bob.jid(), "chat", "after", atLimit);
            b.message(alice.jid(), "chat", null, "<received xmlns='urn:xmpp:receipts' id='" + kept + "'/>");
            a.message(room, "groupchat", "group after", "<origin-id xmlns='urn:xmpp:sid:0' id='" + atLimit + "'/>");
            // Everything Bob got since "before", up to the two messages sent after the refusals.
            String toBob = String.join("\n", b.messagesUntil(2, xml -> xml.contains("<body>after</body>")
                    || xml.contains("<body>group after</body>"), Duration.ofSeconds(10)));
            assertThat(toBob).as("nothing refused reached Bob; the messages after them did")
                    .doesNotContain("refused").contains("<body>after</body>").contains(atLimit)
                    .contains("<body>group after</body>");

            String archived = archive(a, mam("one", bob.jid(), ""));
            assertThat(archived).as("Alice's archive with Bob: the archive's writer carries on")
                    .contains("<body>before</body>").contains("<body>after</body>").doesNotContain("refused");
            String group = archive(a, "<query xmlns='urn:xmpp:mam:2' queryid='group'/>", room);
            assertThat(group).as("the group's archive").contains("group after").doesNotContain("refused");
            String info = "<info xmlns='urn:chatapp:receipts:0' id='" + archiveId + "'/>";
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            String answer = a.iq("get", null, info);
            while (!answer.contains("delivered=") && System.nanoTime() < deadline) {
                Thread.sleep(200);
                answer = a.iq("get", null, info);
            }
            assertThat(answer).as("the receipt sent after the refusals is recorded").contains("delivered=");
        }
    }

    /** Each element whose id the server keeps or looks messages up by, with a 256 KB id. */
    private static Map<String, String> oversizedMessages(DevServer server) {
        Map<String, String> messages = new LinkedHashMap<>();
        messages.put("origin-id", "<origin-id xmlns='urn:xmpp:sid:0' id='" + BIG + "'/>");
        messages.put("receipt", "<received xmlns='urn:xmpp:receipts' id='" + BIG + "'/>");
        messages.put("chat marker", "<displayed xmlns='urn:xmpp:chat-markers:0' id='" + BIG + "'/>");
        messages.put("retraction", "<retract xmlns='urn:xmpp:message-retract:1' id='" + BIG + "'/>"
                + "<fallback xmlns='urn:xmpp:fallback:0' for='urn:xmpp:message-retract:1'/>");
        messages.put("correction", "<replace xmlns='urn:xmpp:message-correct:0' id='" + BIG + "'/>");
        messages.put("reaction", "<reactions xmlns='urn:xmpp:reactions:0' id='" + BIG + "'><reaction>👍</reaction>"
                + "</reactions>");
        messages.put("call proposal", "<propose xmlns='urn:xmpp:jingle-message:0' id='" + BIG + "'><description"
                + " xmlns='urn:xmpp:jingle:apps:rtp:1' media='audio'/></propose>");
        return messages;
    }

    private static String archive(RawXmpp client, String query) throws Exception {
        return archive(client, query, null);
    }

    /** The messages a MAM query returns, with its final answer, as one text. */
    private static String archive(RawXmpp client, String query, String to) throws Exception {
        String fin = client.iq("set", to, query);
        assertThat(fin).contains("<fin");
        return String.join("\n", client.messagesWithin(Duration.ofMillis(800))) + fin;
    }

    private static String random(int length) {
        Random random = new Random(15);
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
