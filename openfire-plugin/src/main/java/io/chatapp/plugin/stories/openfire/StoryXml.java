package io.chatapp.plugin.stories.openfire;

import io.chatapp.plugin.stories.FeedEntry;
import io.chatapp.plugin.stories.PostedStory;
import io.chatapp.plugin.stories.Story;
import io.chatapp.plugin.stories.StoryKind;
import io.chatapp.plugin.stories.StoryPreferences;
import io.chatapp.plugin.stories.StoryViewer;
import io.chatapp.plugin.xmpp.XmppTime;
import java.util.List;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;

/** The elements of {@code urn:chatapp:stories:0} (docs/protocol.md) as the server writes them. */
final class StoryXml {

    static final String NAMESPACE = "urn:chatapp:stories:0";

    private StoryXml() {
    }

    static Element element(String name) {
        return DocumentHelper.createElement(QName.get(name, NAMESPACE));
    }

    /** {@code <story/>}: attributes, then {@code <text/>} or {@code <media/>} and {@code <caption/>}. */
    static Element story(PostedStory posted) {
        Story story = posted.story();
        Element element = element("story");
        element.addAttribute("id", story.id());
        element.addAttribute("owner", story.owner());
        element.addAttribute("kind", story.kind().value());
        element.addAttribute("posted", XmppTime.format(story.postedAt()));
        element.addAttribute("expires", XmppTime.format(story.expiresAt()));
        element.addAttribute("seen", Boolean.toString(posted.seen()));
        if (posted.viewCount() != null) {
            element.addAttribute("views", Integer.toString(posted.viewCount()));
        }
        if (story.kind() == StoryKind.TEXT) {
            Element text = element.addElement(QName.get("text", NAMESPACE));
            text.setText(story.body());
            text.addAttribute("color", story.color());
            text.addAttribute("font", story.font());
            return element;
        }
        if (posted.media() != null) {
            Element media = element.addElement(QName.get("media", NAMESPACE));
            media.addAttribute("url", posted.mediaUrl());
            media.addAttribute("type", posted.media().mediaType());
            media.addAttribute("size", Long.toString(posted.media().size()));
            media.addAttribute("name", posted.media().fileName());
        }
        if (story.body() != null) {
            element.addElement(QName.get("caption", NAMESPACE)).setText(story.body());
        }
        return element;
    }

    static Element stories(String owner, List<PostedStory> stories) {
        Element element = element("stories");
        element.addAttribute("owner", owner);
        stories.forEach(story -> element.add(story(story)));
        return element;
    }

    static Element feed(List<FeedEntry> entries) {
        Element element = element("feed");
        for (FeedEntry entry : entries) {
            element.addElement(QName.get("contact", NAMESPACE))
                    .addAttribute("jid", entry.owner())
                    .addAttribute("stories", Integer.toString(entry.stories()))
                    .addAttribute("unseen", Integer.toString(entry.unseen()))
                    .addAttribute("latest", XmppTime.format(entry.latest()))
                    .addAttribute("muted", Boolean.toString(entry.muted()));
        }
        return element;
    }

    static Element viewers(String storyId, List<StoryViewer> viewers) {
        Element element = element("viewers");
        element.addAttribute("id", storyId);
        for (StoryViewer viewer : viewers) {
            element.addElement(QName.get("viewer", NAMESPACE)).addAttribute("jid", viewer.jid())
                    .addAttribute("at", XmppTime.format(viewer.viewedAt()));
        }
        return element;
    }

    static Element privacy(StoryPreferences preferences) {
        Element element = element("privacy");
        element.addAttribute("audience", preferences.audience().mode().value());
        element.addAttribute("read-receipts", Boolean.toString(preferences.readReceipts()));
        preferences.audience().members().stream().sorted()
                .forEach(member -> element.addElement(QName.get("member", NAMESPACE)).addAttribute("jid", member));
        return element;
    }
}
