/**
 * The stories feature on Openfire: {@link io.chatapp.plugin.stories.openfire.StoriesIqHandler} answers the
 * {@code urn:chatapp:stories:0} IQs on the feature's threads, {@link io.chatapp.plugin.stories.openfire.RosterContacts}
 * reads mutual subscriptions from Openfire's rosters, and {@link io.chatapp.plugin.stories.openfire.StoryNotifier}
 * sends the live event of a new story to its audience, and {@link io.chatapp.plugin.stories.openfire.PepStories}
 * publishes all-contacts stories to the owner's XEP-0501 PEP node and retracts them.
 */
package io.chatapp.plugin.stories.openfire;
