/**
 * A real Openfire 4.2.0 booted in process from the Maven Central jars (or Openfire 5.2 from its distribution in a
 * process of its own, {@link io.chatapp.devserver.OpenfireTarget}), with the chat-app plugin installed from its
 * assembled jar as an operator would (or without it), on an embedded or external PostgreSQL; {@code
 * bin/chatapp-dev-server} runs it for development. The plugin is a resource here, never on the class path.
 */
package io.chatapp.devserver;
