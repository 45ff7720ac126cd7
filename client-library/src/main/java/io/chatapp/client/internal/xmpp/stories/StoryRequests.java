package io.chatapp.client.internal.xmpp.stories;

import io.chatapp.client.Story;
import io.chatapp.client.StoryAudience;
import io.chatapp.client.StoryFeedEntry;
import io.chatapp.client.StoryPrivacy;
import io.chatapp.client.StoryViewer;
import java.util.List;
import java.util.function.Supplier;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.provider.ProviderManager;

/**
 * The {@code urn:chatapp:stories:0} requests, blocking, on the current connection; each IQ has no 'to', so the
 * server answers it for the account (RFC 6120 §10.3.3). Failures are Smack's exceptions, translated by the caller.
 */
public final class StoryRequests {

    private static volatile boolean registered;

    private final Supplier<? extends XMPPConnection> connection;

    public StoryRequests(Supplier<? extends XMPPConnection> connection) {
        this.connection = connection;
        register();
    }

    /** Registers this package's providers with Smack, once per JVM. */
    public static synchronized void register() {
        if (registered) {
            return;
        }
        ProviderManager.addExtensionProvider(StoryElement.ELEMENT, StoryElement.NAMESPACE, new StoryElement.Provider());
        ProviderManager.addIQProvider(StoryIQ.ELEMENT, StoryXml.NAMESPACE, new StoryIQ.Provider());
        ProviderManager.addIQProvider(FeedIQ.ELEMENT, StoryXml.NAMESPACE, new FeedIQ.Provider());
        ProviderManager.addIQProvider(StoriesIQ.ELEMENT, StoryXml.NAMESPACE, new StoriesIQ.Provider());
        ProviderManager.addIQProvider(ViewersIQ.ELEMENT, StoryXml.NAMESPACE, new ViewersIQ.Provider());
        ProviderManager.addIQProvider(PrivacyIQ.ELEMENT, StoryXml.NAMESPACE, new PrivacyIQ.Provider());
        registered = true;
    }

    public Story post(PostIQ request) throws Exception {
        return ((StoryIQ) send(request)).story();
    }

    public List<StoryFeedEntry> feed() throws Exception {
        return ((FeedIQ) send(new FeedIQ())).entries();
    }

    public List<Story> stories(String owner) throws Exception {
        return ((StoriesIQ) send(new StoriesIQ(owner))).stories();
    }

    public List<StoryViewer> viewers(String storyId) throws Exception {
        return ((ViewersIQ) send(new ViewersIQ(storyId))).viewers();
    }

    public void act(StoryActionIQ action) throws Exception {
        send(action);
    }

    public StoryPrivacy privacy(PrivacyIQ request) throws Exception {
        PrivacyIQ answer = (PrivacyIQ) send(request);
        return new StoryPrivacy(answer.audience() == null ? StoryAudience.CONTACTS : answer.audience(),
                answer.members(), !Boolean.FALSE.equals(answer.readReceipts()));
    }

    private IQ send(IQ request) throws Exception {
        return connection.get().sendIqRequestAndWaitForResponse(request);
    }
}
