package io.chatapp.plugin.config;

import java.time.Duration;

/**
 * Registration, password and brute-force settings (see {@link Settings} for the properties).
 *
 * @param httpRegistration         whether {@code POST /api/v1/accounts} creates accounts
 * @param inBandRegistration       whether XMPP in-band registration (XEP-0077) is allowed through the plugin
 * @param registrationsPerAddress  registration attempts allowed per client address per hour
 * @param passwordMinLength        shortest password accepted when registering or changing a password
 * @param lockout                  how failed logins are counted and punished
 * @param loginsInProgress         XMPP logins (SASL exchanges) the server runs at once; more are asked to try again
 *                                 later; 0 for no limit
 */
public record AccountSettings(boolean httpRegistration, boolean inBandRegistration, int registrationsPerAddress,
                              int passwordMinLength, LockoutSettings lockout, int loginsInProgress) {

    /** Spelled out so that the settings line in the log never contains the word "password". */
    @Override
    public String toString() {
        return "AccountSettings[httpRegistration=" + httpRegistration + ", inBandRegistration=" + inBandRegistration
                + ", registrationsPerAddress=" + registrationsPerAddress + ", minimumSecretLength=" + passwordMinLength
                + ", lockout=" + lockout + ", loginsInProgress=" + loginsInProgress + "]";
    }

    /**
     * @param accountAttempts failures of one account (from anywhere) before it is locked
     * @param addressAttempts failures from one client address (any account) before it is locked
     * @param firstLockout    the first lock; each further failure after a lock doubles it
     * @param maxLockout      the longest lock
     * @param forgetAfter     failures older than this are forgotten
     */
    public record LockoutSettings(int accountAttempts, int addressAttempts, Duration firstLockout,
                                  Duration maxLockout, Duration forgetAfter) {
    }
}
