/**
 * JUnit 5 support: an extension that gives a test class a running dev server (with or without the plugin, with the
 * class's own settings when it asks) and fresh accounts with unique names, so tests never see each other's data.
 */
package io.chatapp.devserver.junit;
