/**
 * A small Openfire plugin that the dev server installs next to the chat-app plugin when Openfire runs in a process
 * of its own (the Openfire 5.2 target): it lets the test harness create accounts and look them up with Openfire's
 * {@code UserManager}, exactly what the in-process target does directly. Loopback only, behind a random secret.
 * Only the portable Openfire API is used, so it runs on 4.2 through 5.x.
 */
package io.chatapp.devserver.control;
