/**
 * The elements of {@code urn:chatapp:stories:0} (docs/protocol.md), each an {@code ExtensionElement} or {@code IQ}
 * with its {@code Provider}: {@link io.chatapp.client.internal.xmpp.stories.StoryElement} (a story, in events and
 * answers), {@link io.chatapp.client.internal.xmpp.stories.PostIQ}, {@link
 * io.chatapp.client.internal.xmpp.stories.StoryIQ} (the answer to a post), {@link
 * io.chatapp.client.internal.xmpp.stories.FeedIQ}, {@link io.chatapp.client.internal.xmpp.stories.StoriesIQ},
 * {@link io.chatapp.client.internal.xmpp.stories.ViewersIQ}, {@link io.chatapp.client.internal.xmpp.stories.PrivacyIQ}
 * and {@link io.chatapp.client.internal.xmpp.stories.StoryActionIQ} (view, delete, mute); {@link
 * io.chatapp.client.internal.xmpp.stories.StoryRequests} makes the requests.
 */
package io.chatapp.client.internal.xmpp.stories;
