/**
 * The accounts feature's binding to Openfire; portable API only (see docs/architecture.md). It installs the token
 * and login-guard SASL mechanisms, applies the account rules to XEP-0077 in-band registration, ends disabled
 * accounts' sessions, and adapts Openfire's user store to {@link io.chatapp.plugin.auth.Accounts}.
 */
package io.chatapp.plugin.accounts.openfire;
