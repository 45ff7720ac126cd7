/**
 * The {@code chatapp} terminal client (picocli commands and a JLine shell) on the client library's public API only:
 * register, log in by the token API and keep the tokens, send and listen, history, files, groups. What it saves
 * (account, tokens, archive cursors) stays in a private config directory, written with mode 0600; it speaks no XMPP
 * of its own.
 */
package io.chatapp.cli;
