/**
 * WhatsApp-style groups on a XEP-0045 Multi-User Chat service: private rooms whose owner, admins and members the
 * plugin tracks, with its rules on membership, size and settings, system events shown in the group's history, and
 * the group image as the room's vCard-temp photo (XEP-0054, XEP-0153, XEP-0486 avatars). State is held in memory
 * for the packet threads and written in order by one thread. The rules are decided here, without Openfire:
 * {@link io.chatapp.plugin.groups.RoomRequests} (MUC admin/owner requests, §9-§10), {@link
 * io.chatapp.plugin.groups.GroupReadState} (members' XEP-0184 receipts and XEP-0333 markers, "delivered/read by all",
 * message info); the {@code openfire} sub-package only carries stanzas to and from them.
 */
package io.chatapp.plugin.groups;
