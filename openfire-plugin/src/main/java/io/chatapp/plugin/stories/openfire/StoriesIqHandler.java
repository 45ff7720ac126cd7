package io.chatapp.plugin.stories.openfire;

import io.chatapp.plugin.openfire.AsyncIqHandler;
import io.chatapp.plugin.openfire.LocalUsers;
import io.chatapp.plugin.openfire.PluginRouting;
import io.chatapp.plugin.stories.AudienceMode;
import io.chatapp.plugin.stories.PostRequest;
import io.chatapp.plugin.stories.StoryException;
import io.chatapp.plugin.stories.StoryService;
import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.dom4j.Element;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

/**
 * {@code urn:chatapp:stories:0} (docs/protocol.md): post, feed, stories (fetch), view, viewers, delete, privacy and
 * mute, each the child element of an IQ a local user sends to their own account. The work runs on the stories'
 * threads; a refusal is the stanza error of its {@link StoryException.Problem}.
 */
final class StoriesIqHandler extends AsyncIqHandler {

    private final StoryService stories;
    private final Executor threads;
    private final LocalUsers users;
    private final String domain;

    StoriesIqHandler(StoryService stories, Executor threads, String domain, PluginRouting routing) {
        super("chat-app stories", "stories", StoryXml.NAMESPACE, routing);
        this.stories = stories;
        this.threads = threads;
        this.users = new LocalUsers(domain);
        this.domain = domain;
    }

    @Override
    protected CompletableFuture<IQ> answer(IQ request) {
        if (!users.contains(request.getFrom())) {
            throw new StanzaErrorException(StanzaError.FORBIDDEN, "stories are for users of this server");
        }
        // Answered for the account itself: no 'to', the server, or the account's own bare JID (Openfire 5 fills a
        // missing 'to' in so). The local part of 'to' alone does not tell, so the whole address is compared.
        JID to = request.getTo();
        if (to != null && !to.toBareJID().equals(requester(request)) && !to.toBareJID().equals(domain)) {
            throw new StanzaErrorException(StanzaError.BAD_REQUEST, "send story requests to your own account");
        }
        Element child = request.getChildElement();
        boolean set = request.getType() == IQ.Type.set;
        Work work = switch (child.getName()) {
            case "post" -> requireSet(set, me -> StoryXml.story(stories.post(me, post(child))));
            case "feed" -> me -> StoryXml.feed(stories.feed(me));
            case "stories" -> me -> {
                String owner = required(child, "owner");
                return StoryXml.stories(owner, stories.fetch(me, owner));
            };
            case "view" -> requireSet(set, me -> {
                stories.view(me, required(child, "id"));
                return null;
            });
            case "viewers" -> me -> {
                String id = required(child, "id");
                return StoryXml.viewers(id, stories.viewers(me, id));
            };
            case "delete" -> requireSet(set, me -> {
                stories.delete(me, required(child, "id"));
                return null;
            });
            case "privacy" -> set ? me -> {
                setPrivacy(me, child);
                return StoryXml.privacy(stories.preferences(me));
            } : me -> StoryXml.privacy(stories.preferences(me));
            case "mute" -> requireSet(set, me -> {
                stories.mute(me, required(child, "jid"), !"false".equals(child.attributeValue("muted")));
                return null;
            });
            default -> throw new StanzaErrorException(StanzaError.BAD_REQUEST, "unknown request "
                    + child.getName());
        };
        return runOn(threads, request, work);
    }

    @Override
    protected Throwable failure(Exception e) {
        if (e instanceof StoryException story) {
            return new StanzaErrorException(story.problem().stanzaError(), story.getMessage());
        }
        return super.failure(e);
    }

    private static Work requireSet(boolean set, Work work) {
        if (!set) {
            throw new StanzaErrorException(StanzaError.BAD_REQUEST, "this request is an IQ of type set");
        }
        return work;
    }

    private static PostRequest post(Element post) {
        Element text = post.element("text");
        Element media = post.element("media");
        Element caption = post.element("caption");
        if ((text == null) == (media == null)) {
            throw new StanzaErrorException(StanzaError.BAD_REQUEST, "a post has either <text/> or <media/>");
        }
        if (text != null) {
            return PostRequest.text(text.getText(), text.attributeValue("color"), text.attributeValue("font"));
        }
        return PostRequest.media(media.attributeValue("url"), caption == null ? null : caption.getText());
    }

    private void setPrivacy(String me, Element privacy) throws Exception {
        String audience = privacy.attributeValue("audience");
        if (audience != null) {
            AudienceMode mode = AudienceMode.of(audience).orElseThrow(() -> new StoryException(
                    StoryException.Problem.BAD_REQUEST, "audience is contacts, except or only"));
            List<String> members = new ArrayList<>();
            for (Element member : privacy.elements("member")) {
                members.add(member.attributeValue("jid"));
            }
            stories.setAudience(me, mode, members);
        }
        String receipts = privacy.attributeValue("read-receipts");
        if (receipts != null) {
            if (!receipts.equals("true") && !receipts.equals("false")) {
                throw new StoryException(StoryException.Problem.BAD_REQUEST, "read-receipts is true or false");
            }
            stories.setReadReceipts(me, Boolean.parseBoolean(receipts));
        }
    }

    private static String required(Element element, String attribute) {
        String value = element.attributeValue(attribute);
        if (value == null || value.isBlank()) {
            throw new StanzaErrorException(StanzaError.BAD_REQUEST, "<" + element.getName() + "/> needs '"
                    + attribute + "'");
        }
        return value;
    }
}
