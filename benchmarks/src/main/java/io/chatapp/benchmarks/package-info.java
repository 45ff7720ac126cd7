/**
 * Benchmarks of the plugin's hot paths and what the load generators share. The JMH benchmarks here call the
 * plugin's own classes in process (access token issuance and verification, the HTTP API's JSON writing); the load
 * generators in the sub-packages drive a real server and share their command-line parsing and helpers from here
 * (see docs/benchmarks.md).
 */
package io.chatapp.benchmarks;
