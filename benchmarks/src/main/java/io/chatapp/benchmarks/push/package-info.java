/**
 * Push notification benchmarks (issue 18): push latency, fan-out of one group message to many offline devices, and
 * online delivery with and without push registrations, against a real XEP-0357 app server session
 * ({@link io.chatapp.benchmarks.push.BenchmarkAppServer}). See docs/benchmarks.md.
 */
package io.chatapp.benchmarks.push;
