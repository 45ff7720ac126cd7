package io.chatapp.cli;

import io.chatapp.client.GroupInfo;
import java.util.List;

/**
 * What {@code /group} does with a logged-in account. Each call waits for the server and fails with a
 * {@link CliException} carrying a clear message.
 */
public interface GroupSession {

    GroupInfo create(String name, List<String> memberBareJids);

    void add(String room, List<String> memberBareJids);

    void remove(String room, String memberBareJid);

    void promote(String room, String memberBareJid);

    void demote(String room, String memberBareJid);

    /** Null leaves the name or description as it is. */
    void setInfo(String room, String name, String description);

    void setOnlyAdminsSend(String room, boolean onlyAdmins);

    /** Sets the group image, or with null removes it. */
    void setImage(String room, io.chatapp.client.GroupImage image);

    void leave(String room);

    void delete(String room);

    List<GroupInfo> list();

    /** Sends a text to the group; returns its message id. */
    String send(String room, String text);
}
