/**
 * Status stories' load generators: {@link io.chatapp.benchmarks.stories.StoriesBenchmark} (the feed query and
 * clean-up on an embedded PostgreSQL, through the plugin's {@code StoryService} and {@code StoryCleanup}) and
 * {@link io.chatapp.benchmarks.stories.StoryFanOutBenchmark} (a post's live event to 1,000 online contacts on the
 * dev server).
 */
package io.chatapp.benchmarks.stories;
