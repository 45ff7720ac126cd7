/**
 * Load generator for one-to-one messaging: Openfire with the plugin against the same Openfire without it under the
 * same load, delivery acknowledged by XEP-0184 receipts.
 */
package io.chatapp.benchmarks.messaging;
