/**
 * WhatsApp-style groups on a XEP-0045 Multi-User Chat service: private rooms whose owner, admins and members the
 * plugin tracks, with its rules on membership, size and settings, system events shown in the group's history, and
 * the group image as the room's vCard-temp photo (XEP-0054, XEP-0153, XEP-0486 avatars). State is held in memory
 * for the packet threads and written in order by one thread.
 */
package io.chatapp.plugin.groups;
