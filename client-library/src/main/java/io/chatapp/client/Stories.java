package io.chatapp.client;

import io.chatapp.client.internal.EventDispatcher;
import io.chatapp.client.internal.xmpp.stories.PostIQ;
import io.chatapp.client.internal.xmpp.stories.PrivacyIQ;
import io.chatapp.client.internal.xmpp.stories.StoryActionIQ;
import io.chatapp.client.internal.xmpp.stories.StoryElement;
import io.chatapp.client.internal.xmpp.stories.StoryRequests;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.Jid;

/**
 * Status stories ({@link ChatClient#stories()}): text, image and video updates that disappear for everyone after the
 * server's lifetime (24 hours by default), shared with this account's contacts as {@link #setAudience} says, with
 * who viewed them ({@link #viewers}), a feed of contacts with live stories ({@link #feed}), mute, and live events
 * when a contact posts ({@link #onStory}). Anyone outside a story's audience is told "not found", as for a story that
 * does not exist.
 *
 * <pre>{@code
 * Story posted = client.stories().postText("At the beach", "#0088cc", "serif").join();
 * client.stories().onStory(story -> System.out.println(story.owner() + " posted a story"));
 * for (StoryFeedEntry contact : client.stories().feed().join()) {
 *     for (Story story : client.stories().fetch(contact.owner()).join()) {
 *         client.stories().view(story.id());
 *     }
 * }
 * }</pre>
 *
 * <p>Failures: {@link ChatClientException.Reason#INVALID_INPUT} (text too long, bad colour, a file that is not an
 * image or video, a video longer than the server's limit or whose length it cannot read, a bad address: the
 * exception's {@link ChatClientException#serverText()} names the rule), {@link ChatClientException.Reason#NOT_FOUND} (no such story, expired, not shared
 * with this account, or someone else's), {@link ChatClientException.Reason#NOT_ALLOWED} (viewers while this account's
 * read receipts are off), and for media the failures of {@link Media#send}.
 */
public final class Stories {

    private final ClientContext context;
    private final Media media;
    private final StoryRequests requests;
    private final EventDispatcher<StoryListener> listeners;

    Stories(ClientContext context, Media media) {
        this.context = context;
        this.media = media;
        this.requests = new StoryRequests(context::connection);
        this.listeners = new EventDispatcher<>(context.events);
    }

    /** Follows a (new) connection: the server's story events. */
    void attach(XMPPTCPConnection connection) {
        connection.addAsyncStanzaListener(this::onEvent, new AndFilter(MessageTypeFilter.HEADLINE,
                stanza -> stanza.getExtension(StoryElement.QNAME) != null));
    }

    private void onEvent(Stanza stanza) {
        Jid from = stanza.getFrom();
        var user = context.connection().getUser();
        if (user == null || from == null || !from.equals(user.asDomainBareJid())) {
            return; // only this account's server announces stories
        }
        Story story = ((StoryElement) stanza.getExtension(StoryElement.QNAME)).story();
        listeners.fire(l -> l.onStory(story));
    }

    /**
     * Posts a text story.
     *
     * @param color background colour {@code #rrggbb}, or null for the app's default
     * @param font  a font name ({@code [a-z0-9-]}), or null
     */
    public CompletableFuture<Story> postText(String text, String color, String font) {
        Objects.requireNonNull(text, "text");
        return call(() -> requests.post(PostIQ.text(text, color, font)));
    }

    /**
     * Uploads an image or a video through the server's upload service (its size and type limits apply), reporting
     * progress, then posts it as a story with an optional caption. Fails as {@link Media#send} does, and with
     * {@link ChatClientException.Reason#INVALID_INPUT} when the server finds the file is neither an image nor a
     * video, or a video that plays longer than the server allows or whose length it cannot read (the upload then
     * stays an ordinary file of this account, which {@link Media} may delete).
     */
    public CompletableFuture<Story> postMedia(Path file, String caption, MediaProgressListener progress) {
        return media.uploadAndSend(file, progress,
                () -> attachment -> requests.post(PostIQ.media(attachment.url(), caption)));
    }

    /** The contacts with live stories shared with this account: not yet viewed first, newest first, muted last. */
    public CompletableFuture<List<StoryFeedEntry>> feed() {
        return call(requests::feed);
    }

    /**
     * {@code owner}'s live stories shared with this account, oldest first (all of this account's own, with their
     * view counts, when {@code owner} is this account). Empty when there are none or none are shared.
     */
    public CompletableFuture<List<Story>> fetch(String owner) {
        return call(() -> requests.stories(context.bareJid(owner).toString()));
    }

    /** This account's own live stories, oldest first, with their view counts. */
    public CompletableFuture<List<Story>> mine() {
        return call(() -> requests.stories(context.me().toString()));
    }

    /** Tells the server this account viewed the story (recorded once; listed for its owner if receipts are on). */
    public CompletableFuture<Void> view(String storyId) {
        Objects.requireNonNull(storyId, "storyId");
        return run(() -> requests.act(StoryActionIQ.view(storyId)));
    }

    /** Who viewed one of this account's live stories, first views first. */
    public CompletableFuture<List<StoryViewer>> viewers(String storyId) {
        Objects.requireNonNull(storyId, "storyId");
        return call(() -> requests.viewers(storyId));
    }

    /** Deletes one of this account's stories now, for everyone, with its views and its file. */
    public CompletableFuture<Void> delete(String storyId) {
        Objects.requireNonNull(storyId, "storyId");
        return run(() -> requests.act(StoryActionIQ.delete(storyId)));
    }

    /** This account's story choices. */
    public CompletableFuture<StoryPrivacy> privacy() {
        return call(() -> requests.privacy(PrivacyIQ.get()));
    }

    /**
     * Who future stories are shared with: every contact, every contact but {@code members}, or only
     * {@code members} (contacts among them). Stories already posted keep their audience.
     */
    public CompletableFuture<StoryPrivacy> setAudience(StoryAudience audience, List<String> members) {
        Objects.requireNonNull(audience, "audience");
        return call(() -> {
            List<String> jids = new java.util.ArrayList<>();
            for (String member : members) {
                jids.add(context.bareJid(member).toString());
            }
            return requests.privacy(PrivacyIQ.set(audience, jids, null));
        });
    }

    /**
     * Tells the server whether this account sends read receipts: without, it is not listed as a viewer of others'
     * stories and sees no viewers of its own (as WhatsApp does).
     */
    public CompletableFuture<StoryPrivacy> setReadReceipts(boolean on) {
        return call(() -> requests.privacy(PrivacyIQ.set(null, List.of(), on)));
    }

    /** Mutes (or unmutes) a contact's stories: still reachable, no {@link #onStory} event, listed last. */
    public CompletableFuture<Void> mute(String contact, boolean muted) {
        return run(() -> requests.act(StoryActionIQ.mute(context.bareJid(contact).toString(), muted)));
    }

    /** Hears that a contact posted a story shared with this account (not for muted contacts). */
    public ListenerRegistration onStory(StoryListener listener) {
        return listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private <T> CompletableFuture<T> call(ChatClient.BlockingCall<T> work) {
        return context.call(() -> {
            context.requireSession();
            return work.call();
        });
    }

    private CompletableFuture<Void> run(ChatClient.Blocking work) {
        return call(() -> {
            work.run();
            return null;
        });
    }
}
