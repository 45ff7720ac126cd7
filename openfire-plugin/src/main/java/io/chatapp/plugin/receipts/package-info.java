/**
 * Delivery receipts (XEP-0184) and read markers (XEP-0333) recorded as they pass, without making a packet thread
 * wait for the database (only for the receipts' local write-ahead journal, {@code ReceiptJournal}), and what is answered from them: "message info" for a message's sender and read marks for a reader's other
 * devices ({@code urn:chatapp:receipts:0}). The archive is reached only through {@link
 * io.chatapp.plugin.receipts.ArchiveLookup}.
 */
package io.chatapp.plugin.receipts;
