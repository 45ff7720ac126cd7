/**
 * Last seen and chat states: when each user was last online and who may know it (answered as XEP-0012 Last
 * Activity, with the {@code urn:chatapp:last-seen:0} privacy choice), and XEP-0085 chat states kept out of offline
 * storage.
 */
package io.chatapp.plugin.presence;
