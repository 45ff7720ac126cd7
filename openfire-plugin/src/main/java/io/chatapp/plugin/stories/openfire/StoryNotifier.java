package io.chatapp.plugin.stories.openfire;

import io.chatapp.plugin.openfire.PluginRouting;
import io.chatapp.plugin.stories.PostedStory;
import io.chatapp.plugin.stories.Story;
import io.chatapp.plugin.stories.StoryEvents;
import java.util.Set;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

/**
 * The live event of a new story: a {@code headline} from the server to each recipient's bare JID (every available
 * resource gets it) carrying the story as a fetch returns it. It has no body, so Openfire keeps no offline copy: the
 * feed tells a user who was offline. Stories shared with all contacts also go to the owner's XEP-0501 node
 * ({@link PepStories}).
 */
final class StoryNotifier implements StoryEvents {

    private final PluginRouting routing = new PluginRouting();
    private final PepStories pep = new PepStories(routing);
    private volatile String domain;

    void domain(String serverDomain) {
        this.domain = serverDomain;
    }

    @Override
    public void posted(PostedStory story, Set<String> recipients) {
        String from = domain;
        if (from == null) {
            return;
        }
        for (String recipient : recipients) {
            Message event = new Message();
            event.setType(Message.Type.headline);
            event.setFrom(new JID(from));
            event.setTo(new JID(recipient));
            event.getElement().add(StoryXml.story(story));
            routing.route(event);
        }
        pep.published(story);
    }

    @Override
    public void removed(Story story) {
        // Our clients hide a story at its expiry time, and a fetch no longer returns it; XEP-0501 clients need the
        // retraction.
        if (domain != null) {
            pep.removed(story);
        }
    }
}
