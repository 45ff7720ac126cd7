package io.chatapp.client;

/** Whether the connection to the server must, may or must not be encrypted with TLS. */
public enum TlsPolicy {
    /** STARTTLS is required; the connection fails if the server does not offer it. The default. */
    REQUIRED,
    /** STARTTLS is used when the server offers it. */
    IF_POSSIBLE,
    /** No TLS: for local development only. Passwords then travel in the clear. */
    DISABLED
}
