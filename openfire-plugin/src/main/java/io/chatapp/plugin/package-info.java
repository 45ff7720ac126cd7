/**
 * The plugin's core, free of Openfire: {@link io.chatapp.plugin.ChatAppServer} starts the shared parts (database,
 * scheduler, HTTP server, health) and then each {@link io.chatapp.plugin.Feature} in order, and one {@link
 * io.chatapp.plugin.Closer} undoes it all in reverse, so a plugin reload leaks nothing. A feature is one package
 * (its services, routes and jobs) with its Openfire binding in an {@code openfire} sub-package; features reach one
 * another only through {@link io.chatapp.plugin.Services}.
 */
package io.chatapp.plugin;
