package io.chatapp.plugin.stories.openfire;

import io.chatapp.plugin.openfire.PluginRouting;
import io.chatapp.plugin.stories.AudienceMode;
import io.chatapp.plugin.stories.PostedStory;
import io.chatapp.plugin.stories.Story;
import io.chatapp.plugin.stories.StoryKind;
import io.chatapp.plugin.xmpp.XmppTime;
import java.util.UUID;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

/**
 * XEP-0501 (Pubsub Stories) for standard clients: a story shared with all contacts is also published, as one Atom
 * entry (XEP-0472) with its media as the one {@code enclosure} link, to the owner's PEP node
 * {@code urn:xmpp:pubsub-social-feed:stories:0}, and retracted when it is deleted or expires. Openfire has no
 * {@code item_expire}, so the clean-up retracts expired stories.
 *
 * <p>The requests are routed as the owner's own (from a resource no session holds, so Openfire drops the answers)
 * through Openfire's PEP service, which handles them in order on the routing thread: first a create with the node's
 * configuration (presence access, persistent items; a {@code conflict} once it exists), then the publish. Items not
 * shared with all contacts never go there: the node's presence access model cannot express "except" or "only".
 */
final class PepStories {

    static final String NODE = "urn:xmpp:pubsub-social-feed:stories:0";
    static final String SOCIAL_FEED = "urn:xmpp:pubsub-social-feed:1";
    private static final String PUBSUB = "http://jabber.org/protocol/pubsub";
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String DATA_FORMS = "jabber:x:data";
    /** The resource the plugin's PEP requests come from: held by no session, so their answers are dropped. */
    private static final String RESOURCE = "chatapp-stories";
    /** Live stories one user may have on the node. */
    private static final String MAX_ITEMS = "1000";

    private final PluginRouting routing;

    PepStories(PluginRouting routing) {
        this.routing = routing;
    }

    /** Publishes the story when it is shared with all contacts. */
    void published(PostedStory posted) {
        Story story = posted.story();
        if (story.audience().mode() != AudienceMode.CONTACTS) {
            return;
        }
        IQ create = request(story.owner());
        Element pubsub = create.setChildElement("pubsub", PUBSUB);
        pubsub.addElement("create").addAttribute("node", NODE);
        Element form = pubsub.addElement("configure").addElement(QName.get("x", DATA_FORMS))
                .addAttribute("type", "submit");
        field(form, "FORM_TYPE", "http://jabber.org/protocol/pubsub#node_config");
        field(form, "pubsub#access_model", "presence");
        field(form, "pubsub#persist_items", "1");
        field(form, "pubsub#max_items", MAX_ITEMS);
        field(form, "pubsub#deliver_payloads", "1");
        field(form, "pubsub#notify_retract", "1");
        routing.route(create);

        IQ publish = request(story.owner());
        Element item = publish.setChildElement("pubsub", PUBSUB).addElement("publish").addAttribute("node", NODE)
                .addElement("item").addAttribute("id", story.id());
        item.add(entry(posted));
        routing.route(publish);
    }

    /** Retracts the story from the node (a story never published there is ignored by Openfire). */
    void removed(Story story) {
        if (story.audience().mode() != AudienceMode.CONTACTS) {
            return;
        }
        IQ retract = request(story.owner());
        retract.setChildElement("pubsub", PUBSUB).addElement("retract").addAttribute("node", NODE)
                .addAttribute("notify", "true").addElement("item").addAttribute("id", story.id());
        routing.route(retract);
    }

    /** The Atom entry: the text or caption as title, the media as the enclosure, the owner as author. */
    static Element entry(PostedStory posted) {
        Story story = posted.story();
        Element entry = DocumentHelper.createElement(QName.get("entry", ATOM));
        String title = story.body() == null ? "" : story.body();
        atom(entry, "title").addAttribute("type", "text").setText(title);
        if (story.kind() == StoryKind.TEXT && story.color() != null) {
            atom(entry, "content").addAttribute("type", "text").setText(title);
        }
        if (posted.media() != null && posted.mediaUrl() != null) {
            atom(entry, "link").addAttribute("rel", "enclosure").addAttribute("href", posted.mediaUrl())
                    .addAttribute("type", posted.media().mediaType())
                    .addAttribute("length", Long.toString(posted.media().size()));
        }
        atom(entry, "id").setText("xmpp:" + story.owner() + "?;node=" + NODE + ";item=" + story.id());
        atom(entry, "published").setText(XmppTime.format(story.postedAt()));
        atom(entry, "updated").setText(XmppTime.format(story.postedAt()));
        Element author = atom(entry, "author");
        atom(author, "name").setText(new JID(story.owner()).getNode());
        atom(author, "uri").setText("xmpp:" + story.owner());
        return entry;
    }

    private static Element atom(Element parent, String name) {
        return parent.addElement(QName.get(name, ATOM));
    }

    private static IQ request(String owner) {
        IQ request = new IQ(IQ.Type.set, "chatapp-pep-" + UUID.randomUUID());
        JID bare = new JID(owner);
        request.setFrom(new JID(bare.getNode(), bare.getDomain(), RESOURCE));
        return request;
    }

    private static void field(Element form, String name, String value) {
        form.addElement("field").addAttribute("var", name).addElement("value").setText(value);
    }
}
