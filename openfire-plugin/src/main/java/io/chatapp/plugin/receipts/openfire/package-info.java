/**
 * The receipts feature's binding to Openfire; portable API only. Notes XEP-0184 receipts and XEP-0333 markers
 * between local users and answers the message-info and read-marks IQ.
 */
package io.chatapp.plugin.receipts.openfire;
