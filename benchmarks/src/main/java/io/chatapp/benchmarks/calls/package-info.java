/**
 * Load generator for call signalling: the plugin's cost of following XEP-0353 calls (server CPU per 1,000 JMI
 * messages), Openfire with the plugin against the same Openfire without it.
 */
package io.chatapp.benchmarks.calls;
