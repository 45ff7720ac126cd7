/**
 * The plugin's settings: every {@code chatapp.*} property declared once, typed, with its default
 * (docs/configuration.md lists them all and a test keeps the two in step), read at start-up from a {@link
 * io.chatapp.plugin.config.SettingsSource} and grouped into one record per feature.
 */
package io.chatapp.plugin.config;
