/**
 * Accounts and their life cycle beyond Openfire's user store: registration over HTTP with the user name and
 * password policies, self-service (password change, deletion), administration (disable, enable, delete, force
 * logout), and the plugin's own account records. The rules are also applied to XMPP in-band registration (XEP-0077)
 * by the feature's binding; logins and tokens live in {@code auth}.
 */
package io.chatapp.plugin.accounts;
