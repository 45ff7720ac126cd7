package io.chatapp.plugin.groups;

import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import org.dom4j.Element;
import org.xmpp.packet.JID;

/**
 * A request of {@code urn:chatapp:groups:0} a member sends to the server (docs/protocol.md, Groups), read from its
 * child element: the requester's groups ({@code <groups/>}, get), a group's settings ({@code <settings/>}, set), its
 * name and description ({@code <info/>}, set), leaving it ({@code <leave/>}, set). Read here, without Openfire, so
 * that every client mistake is a {@code bad-request} refusal and nothing else (grammar-fuzzed by
 * {@code GroupsFuzzTest}).
 */
public sealed interface GroupRequest {

    /** {@code <groups/>}: the requester's groups. */
    record ListGroups() implements GroupRequest {
    }

    /** {@code <settings room announce? edit-info?/>}: null leaves a setting as it is. */
    record ChangeSettings(String room, Boolean announce, Boolean membersEditInfo) implements GroupRequest {
    }

    /** {@code <leave room/>}. */
    record Leave(String room) implements GroupRequest {
    }

    /** {@code <info room name? description?/>}: at least one of them; null leaves it as it is. */
    record Describe(String room, String name, String description) implements GroupRequest {
    }

    /** Reads the child of a get ({@code set} false) or set IQ; refuses anything else with {@code bad-request}. */
    static GroupRequest parse(Element child, boolean set) {
        return switch (child.getName() + (set ? "/set" : "/get")) {
            case "groups/get" -> new ListGroups();
            case "settings/set" -> new ChangeSettings(room(child), flag(child, "announce"), flag(child, "edit-info"));
            case "leave/set" -> new Leave(room(child));
            case "info/set" -> describe(child);
            default -> throw badRequest("unknown request " + child.getName() + " (" + (set ? "set" : "get") + ")");
        };
    }

    private static Describe describe(Element child) {
        String name = child.attributeValue("name");
        String description = child.attributeValue("description");
        if (name == null && description == null) {
            throw badRequest("name or description is required");
        }
        GroupTexts.check(name, description);
        return new Describe(room(child), name, description);
    }

    /** The room's bare JID; a missing or malformed one is the client's mistake. */
    private static String room(Element child) {
        String room = child.attributeValue("room");
        if (room == null || room.isBlank()) {
            throw badRequest("room is required");
        }
        try {
            return new JID(room).toBareJID();
        } catch (IllegalArgumentException e) {
            throw badRequest("room is not a valid address");
        }
    }

    private static Boolean flag(Element child, String name) {
        String value = child.attributeValue(name);
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw badRequest(name + " must be 1 or 0");
        };
    }

    private static StanzaErrorException badRequest(String text) {
        return new StanzaErrorException(StanzaError.BAD_REQUEST, text);
    }
}
