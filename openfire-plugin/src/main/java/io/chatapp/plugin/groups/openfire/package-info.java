/**
 * The groups feature's binding to Openfire; portable API only (of Openfire's MUC classes only the manager's service
 * lookup, and its creation by reflection: {@link io.chatapp.plugin.groups.openfire.GroupsMucService}). It creates the
 * groups' MUC service when missing and stands between clients and its rooms (and the groups recorded on an earlier
 * service): checks affiliation changes and configuration, archives group messages and answers
 * XEP-0313 queries for rooms, keeps XEP-0184/XEP-0333 acknowledgements of group messages, answers the room's
 * vCard-temp (XEP-0054) and advertises its avatar (XEP-0153, XEP-0486).
 */
package io.chatapp.plugin.groups.openfire;
