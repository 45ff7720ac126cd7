package io.chatapp.plugin;

/**
 * One feature of the plugin (accounts, archive, receipts, presence, groups, media, …), as {@link ChatAppServer} starts
 * it: its services, its HTTP routes and its periodic jobs, all without Openfire. Everything it opens goes on the
 * context's {@link Closer}, and what other features or its Openfire binding need is offered through
 * {@link Services}. The feature's Openfire binding lives in its own {@code openfire} sub-package.
 */
public interface Feature {

    /** A short name for logs. */
    String name();

    void start(FeatureContext context) throws Exception;
}
