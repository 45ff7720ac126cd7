/**
 * What the SASL mechanisms of {@code auth} need from Openfire, on its portable API only: the client's address
 * during a SASL exchange and refusals as Openfire reports SASL failure conditions (RFC 6120 section 6.5).
 * Installing the mechanisms is the accounts feature's binding.
 */
package io.chatapp.plugin.auth.openfire;
