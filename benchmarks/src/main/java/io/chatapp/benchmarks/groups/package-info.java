/**
 * Load generator for group fan-out (issue 5): one XEP-0045 room of many online members under a steady message rate,
 * a plugin group on Openfire with the plugin against a plain MUC room on Openfire without it, with members only
 * receiving and with members answering every message with a XEP-0184 receipt.
 */
package io.chatapp.benchmarks.groups;
