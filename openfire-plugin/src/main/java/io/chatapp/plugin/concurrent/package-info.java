/**
 * The plugin's own threads: every thread it starts is a named ({@code chatapp-…}) daemon made by
 * {@link io.chatapp.plugin.concurrent.DaemonThreads}, so thread dumps and the lifecycle tests tell them apart from
 * Openfire's, and a thread the plugin failed to stop never keeps Openfire's JVM alive.
 */
package io.chatapp.plugin.concurrent;
