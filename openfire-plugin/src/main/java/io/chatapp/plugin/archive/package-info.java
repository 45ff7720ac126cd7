/**
 * The one-to-one message archive: XEP-0313 Message Archive Management (with XEP-0059 result set paging), archive
 * ids that are also XEP-0359 stanza ids, XEP-0424 message retraction, "delete for me", and the body limit every
 * message passes first. Writing never blocks a packet thread: one writer thread commits batches, and queries run on
 * the archive's own threads.
 */
package io.chatapp.plugin.archive;
