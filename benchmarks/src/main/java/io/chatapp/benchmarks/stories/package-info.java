/**
 * {@link io.chatapp.benchmarks.stories.StoriesBenchmark}: the status stories' feed query and clean-up on an
 * embedded PostgreSQL, through the plugin's {@code StoryService} and {@code StoryCleanup}.
 */
package io.chatapp.benchmarks.stories;
