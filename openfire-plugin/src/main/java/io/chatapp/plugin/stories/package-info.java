/**
 * Status stories (WhatsApp's Status): text, image and video updates that expire after a lifetime (24 h by default),
 * with an audience fixed when posted (my contacts, my contacts except…, only share with…; contacts are the mutual
 * roster subscriptions {@link io.chatapp.plugin.stories.Contacts} reports), views recorded once, a feed of contacts
 * with live stories, mute, and a clean-up that deletes expired stories, their views and their files once across
 * nodes. {@link io.chatapp.plugin.stories.StoryService} decides every rule without Openfire; the {@code openfire}
 * sub-package carries the {@code urn:chatapp:stories:0} IQs, the live events and the XEP-0501 node, and reads rosters.
 */
package io.chatapp.plugin.stories;
