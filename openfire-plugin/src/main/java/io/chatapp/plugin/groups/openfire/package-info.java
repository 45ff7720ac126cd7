/**
 * The groups feature's binding to Openfire; portable API only (no Openfire MUC classes). It stands between clients
 * and the XEP-0045 MUC service: checks affiliation changes and configuration, archives group messages and answers
 * XEP-0313 queries for rooms, keeps XEP-0184/XEP-0333 acknowledgements of group messages, answers the room's
 * vCard-temp (XEP-0054) and advertises its avatar (XEP-0153, XEP-0486).
 */
package io.chatapp.plugin.groups.openfire;
