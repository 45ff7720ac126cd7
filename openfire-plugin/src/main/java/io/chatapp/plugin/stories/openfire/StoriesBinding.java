package io.chatapp.plugin.stories.openfire;

import io.chatapp.plugin.Feature;
import io.chatapp.plugin.Services;
import io.chatapp.plugin.openfire.OpenfireFeature;
import io.chatapp.plugin.openfire.OpenfireRegistrations;
import io.chatapp.plugin.openfire.PluginRouting;
import io.chatapp.plugin.stories.StoriesFeature;
import io.chatapp.plugin.stories.StoryService;

/** Status stories: the {@code urn:chatapp:stories:0} IQs, live events, and contacts read from Openfire's rosters. */
public final class StoriesBinding implements OpenfireFeature {

    private final RosterContacts contacts = new RosterContacts();
    private final StoryNotifier notifier = new StoryNotifier();

    @Override
    public Feature feature() {
        return new StoriesFeature(contacts, notifier);
    }

    @Override
    public void bind(Services services, String domain, OpenfireRegistrations registrations) {
        contacts.domain(domain);
        notifier.domain(domain);
        registrations.handle(new StoriesIqHandler(services.get(StoryService.class),
                services.get(StoriesFeature.StoryThreads.class).executor(), domain, new PluginRouting()));
        registrations.serverFeature(StoryXml.NAMESPACE);
        registrations.serverFeature(PepStories.SOCIAL_FEED);
        registrations.serverFeature(PepStories.NODE);
    }
}
