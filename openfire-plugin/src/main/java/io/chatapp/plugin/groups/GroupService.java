package io.chatapp.plugin.groups;

import io.chatapp.plugin.config.GroupSettings;
import io.chatapp.plugin.groups.GroupEvent.Type;
import io.chatapp.plugin.storage.BatchWriter;
import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The groups' rules and state. Every group is held in memory, so the checks made on Openfire's packet threads never
 * wait for the database; changes are written in order by one thread ({@code chatapp-groups-writer}, a
 * {@link BatchWriter} with no bound and no linger), drained on {@link #close()}. Each check throws {@link StanzaErrorException} with the condition the requester gets; each
 * change returns the {@link GroupEvent}s the members are shown.
 */
public final class GroupService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupService.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Group> groups = new ConcurrentHashMap<>();
    private final GroupStore store;
    private final GroupSettings settings;
    private final Clock clock;
    /** Each change is its own write (a failed one is logged and not retried), in the order they were queued. */
    private final BatchWriter<Runnable> writer = BatchWriter.<Runnable>builder("chatapp-groups-writer",
            "group changes", (changes, retry) -> changes.forEach(Runnable::run)).start();

    private GroupService(GroupStore store, GroupSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    public static GroupService start(DataSource dataSource, GroupSettings settings, Clock clock) throws SQLException {
        GroupService service = new GroupService(new GroupStore(dataSource), settings, clock);
        service.groups.putAll(service.store.load());
        return service;
    }

    public GroupSettings settings() {
        return settings;
    }

    public boolean isGroup(String room) {
        return groups.containsKey(room);
    }

    /** The user's role in the group, empty when they are not a member (or there is no such group). */
    public Optional<GroupRole> role(String room, String user) {
        return read(room, group -> group.role(user), Optional.empty());
    }

    /** When the user joined the group (they see its history from then on); empty when not a member. */
    public Optional<Instant> memberSince(String room, String user) {
        return read(room, group -> Optional.ofNullable(group.members.get(user)).map(GroupMember::joinedAt),
                Optional.empty());
    }

    /**
     * Whether the user is a member who had joined by {@code at}: they received what the group was sent then (a member
     * sees the group's history from their joining on; a removed member no longer counts).
     */
    public boolean joinedBy(String room, String user, Instant at) {
        return memberSince(room, user).map(since -> !since.isAfter(at)).orElse(false);
    }

    public Optional<GroupSummary> group(String room) {
        return read(room, group -> Optional.of(group.summary()), Optional.empty());
    }

    /** Reads a group under its lock; {@code absent} when there is no such group. */
    private <T> T read(String room, java.util.function.Function<Group, T> reading, T absent) {
        Group group = groups.get(room);
        if (group == null) {
            return absent;
        }
        synchronized (group) {
            return reading.apply(group);
        }
    }

    /** The groups the user belongs to now. */
    public List<GroupSummary> groupsOf(String user) {
        List<GroupSummary> mine = new ArrayList<>();
        for (Group group : groups.values()) {
            synchronized (group) {
                if (group.members.containsKey(user)) {
                    mine.add(group.summary());
                }
            }
        }
        mine.sort(Comparator.comparing(GroupSummary::createdAt));
        return mine;
    }

    /** Why a plain MUC join may not create a room on the group service: the text of its {@code not-allowed}. */
    public static final String CREATE_WITH_GROUPS_PROTOCOL = "rooms of this service are groups, created with the "
            + "chat-app groups protocol (urn:chatapp:groups:0: <create/> in the creating presence); standard rooms "
            + "live on the conference service";

    /**
     * Refuses an entry to a room of the group service that is no group and whose presence does not ask to create one
     * ({@code asksForGroup}): a standard client's plain XEP-0045 join must not make a group by accident (it would get
     * a private room nobody else may enter). Entering an existing group is left to {@link #mayEnter}, so standard
     * clients invited to a group still join it.
     */
    public void checkEntryOnGroupService(String room, boolean asksForGroup) {
        if (!asksForGroup && !isGroup(room)) {
            throw new StanzaErrorException(StanzaError.NOT_ALLOWED, CREATE_WITH_GROUPS_PROTOCOL);
        }
    }

    /** A room was created on the group service by {@code owner}: it becomes a group with them as owner. */
    public List<GroupEvent> created(String room, String owner) {
        Instant now = clock.instant();
        Group group = new Group(room, owner, now);
        if (groups.putIfAbsent(room, group) != null) {
            return List.of();
        }
        synchronized (group) {
            GroupMember creator = new GroupMember(owner, GroupRole.OWNER, now, null, now);
            group.members.put(owner, creator);
            write(group, creator);
        }
        return List.of(new GroupEvent(room, Type.CREATED, owner, null, null, now));
    }

    /** Refuses an affiliation change the requester may not make. */
    public void checkAffiliations(String room, String requester, List<AffiliationChange> changes) {
        Group group = existing(room);
        synchronized (group) {
            requireManager(group, requester);
            int size = group.members.size();
            for (AffiliationChange change : changes) {
                if (change.jid().equals(group.owner)) {
                    throw new StanzaErrorException(StanzaError.NOT_ALLOWED,
                            "the group owner can be neither removed nor demoted; they may leave the group");
                }
                boolean present = group.members.containsKey(change.jid());
                if (change.role() == null && present) {
                    size--;
                } else if (change.role() != null && !present) {
                    size++;
                }
            }
            if (size > settings.maxMembers()) {
                throw new StanzaErrorException(StanzaError.NOT_ALLOWED,
                        "a group has at most " + settings.maxMembers() + " members");
            }
            // The room invites those it adds before it answers: let them in from now on.
            changes.stream().filter(change -> change.role() != null).forEach(change ->
                    group.departed.remove(change.jid()));
        }
    }

    /** Records affiliation changes the room has made. */
    public List<GroupEvent> applyAffiliations(String room, String actor, List<AffiliationChange> changes) {
        Instant now = clock.instant();
        return read(room, group -> {
            List<GroupEvent> events = new ArrayList<>();
            for (AffiliationChange change : changes) {
                apply(group, actor, change, now, events);
            }
            return events;
        }, List.of());
    }

    private void apply(Group group, String actor, AffiliationChange change, Instant now, List<GroupEvent> events) {
        GroupMember before = group.members.get(change.jid());
        GroupRole role = change.role();
        if (role == null) {
            if (before != null) {
                group.members.remove(change.jid());
                group.departed.add(change.jid());
                writeLeft(group.room, before, now);
                Type type = change.jid().equals(actor) ? Type.MEMBER_LEFT : Type.MEMBER_REMOVED;
                events.add(new GroupEvent(group.room, type, actor, change.jid(), null, now));
            }
            return;
        }
        if (before == null) {
            group.departed.remove(change.jid());
            GroupMember added = new GroupMember(change.jid(), GroupRole.MEMBER, now, actor, null)
                    .withRole(role, now);
            group.members.put(change.jid(), added);
            write(group, added);
            events.add(new GroupEvent(group.room, Type.MEMBER_ADDED, actor, change.jid(), null, now));
            if (role == GroupRole.ADMIN) {
                events.add(new GroupEvent(group.room, Type.ADMIN_ADDED, actor, change.jid(), null, now));
            }
        } else if (before.role() != GroupRole.OWNER && before.role() != role) {
            GroupMember changed = before.withRole(role, now);
            group.members.put(change.jid(), changed);
            write(group, changed);
            events.add(new GroupEvent(group.room, role == GroupRole.ADMIN ? Type.ADMIN_ADDED : Type.ADMIN_REMOVED,
                    actor, change.jid(), null, now));
        }
    }

    /** Refuses a change of name or description by someone who may not make it. */
    public void checkInfoChange(String room, String requester) {
        Group group = existing(room);
        synchronized (group) {
            GroupRole role = group.role(requester).orElseThrow(GroupService::notMember);
            if (!role.manages() && !group.membersEditInfo) {
                throw new StanzaErrorException(StanzaError.FORBIDDEN, "only admins may edit the group info");
            }
        }
    }

    /** Records a name and/or description (null: unchanged) the room now has. */
    public List<GroupEvent> applyInfo(String room, String actor, String name, String description) {
        Instant now = clock.instant();
        return read(room, group -> {
            List<GroupEvent> events = new ArrayList<>();
            if (name != null && !name.equals(group.name)) {
                group.name = name;
                events.add(new GroupEvent(room, Type.NAME_CHANGED, actor, null, name, now));
            }
            if (description != null && !description.equals(group.description)) {
                group.description = description;
                events.add(new GroupEvent(room, Type.DESCRIPTION_CHANGED, actor, null, description, now));
            }
            if (!events.isEmpty()) {
                write(group, null);
            }
            return events;
        }, List.of());
    }

    /** The group's image, for its members; read after the changes queued before. */
    public CompletableFuture<Optional<GroupImage>> image(String room, String requester) {
        if (role(room, requester).isEmpty()) {
            throw notMember();
        }
        CompletableFuture<Optional<GroupImage>> image = new CompletableFuture<>();
        Runnable read = () -> {
            try {
                image.complete(store.image(room));
            } catch (RuntimeException e) {
                image.completeExceptionally(e);
            }
        };
        if (!writer.offer(read)) {
            image.completeExceptionally(new IllegalStateException("The group service is closed"));
        }
        return image;
    }

    /** The hex SHA-1 of the group's image (its XEP-0153 photo hash), empty when it has none or is no group. */
    public Optional<String> imageHash(String room) {
        return read(room, group -> Optional.ofNullable(group.imageHash), Optional.empty());
    }

    /** Sets (or with null removes) the group's image: admins, or every member when the group allows editing info. */
    public List<GroupEvent> setImage(String room, String requester, GroupImage image) {
        checkInfoChange(room, requester);
        if (image != null && image.bytes().length > settings.maxImageBytes()) {
            throw new StanzaErrorException(StanzaError.NOT_ACCEPTABLE,
                    "a group image has at most " + settings.maxImageBytes() + " bytes");
        }
        Instant now = clock.instant();
        read(room, group -> group.imageHash = image == null ? null : image.sha1(), null);
        inOrder(() -> store.saveImage(room, image, now));
        return List.of(new GroupEvent(room, Type.IMAGE_CHANGED, requester, null, image == null ? null : image.sha1(),
                now));
    }

    /** Changes the group settings (null: unchanged); admins only. */
    public List<GroupEvent> changeSettings(String room, String requester, Boolean announce, Boolean membersEditInfo) {
        Group group = existing(room);
        Instant now = clock.instant();
        List<GroupEvent> events = new ArrayList<>();
        synchronized (group) {
            requireManager(group, requester);
            if (announce != null && announce != group.announce) {
                group.announce = announce;
                events.add(new GroupEvent(room, Type.ANNOUNCE_CHANGED, requester, null, announce ? "1" : "0", now));
            }
            if (membersEditInfo != null && membersEditInfo != group.membersEditInfo) {
                group.membersEditInfo = membersEditInfo;
                events.add(new GroupEvent(room, Type.EDIT_INFO_CHANGED, requester, null,
                        membersEditInfo ? "1" : "0", now));
            }
            if (!events.isEmpty()) {
                write(group, null);
            }
        }
        return events;
    }

    /** Refuses a group message the sender may not send (announcement mode, or not a member). */
    public void checkMessage(String room, String sender) {
        Group group = groups.get(room);
        if (group == null) {
            return;
        }
        synchronized (group) {
            GroupRole role = group.role(sender).orElseThrow(GroupService::notMember);
            if (group.announce && !role.manages()) {
                throw new StanzaErrorException(StanzaError.NOT_ALLOWED, "only admins can send messages to this group");
            }
        }
    }

    /**
     * Whether the plugin lets the user enter the room: not a former member (the room, members-only, decides about
     * everyone else). The plugin's record is ahead of the room's after a leave the room has not been told yet.
     */
    public boolean mayEnter(String room, String user) {
        return read(room, group -> !group.departed.contains(user), true);
    }

    /** Refuses deleting the group by anyone but its owner. */
    public void checkDestroy(String room, String requester) {
        Group group = existing(room);
        synchronized (group) {
            if (!requester.equals(group.owner)) {
                throw new StanzaErrorException(StanzaError.FORBIDDEN, "only the group owner may delete the group");
            }
        }
    }

    /** The room was destroyed: the group is gone. */
    public List<GroupEvent> destroyed(String room, String actor) {
        Group group = groups.remove(room);
        if (group == null) {
            return List.of();
        }
        Instant now = clock.instant();
        inOrder(() -> store.deleted(room, now));
        return List.of(new GroupEvent(room, Type.DELETED, actor, null, null, now));
    }

    /**
     * A member leaves. Recorded at once (they may no longer enter or send); the returned plan says what the room
     * must be told: the owner's successor made a MUC owner, the leaver's affiliation removed.
     */
    public Leave leave(String room, String user) {
        Group group = existing(room);
        Instant now = clock.instant();
        List<GroupEvent> events = new ArrayList<>();
        List<AffiliationChange> changes = new ArrayList<>();
        synchronized (group) {
            GroupMember leaver = group.members.get(user);
            if (leaver == null) {
                throw notMember();
            }
            String successor = null;
            if (user.equals(group.owner)) {
                Optional<GroupMember> next = group.successor();
                if (next.isPresent()) {
                    GroupMember owner = next.get().withRole(GroupRole.OWNER, now);
                    successor = owner.jid();
                    group.owner = successor;
                    group.members.put(successor, owner);
                    write(group, owner);
                    changes.add(new AffiliationChange(successor, "owner"));
                    events.add(new GroupEvent(room, Type.OWNER_CHANGED, user, successor, null, now));
                }
            }
            group.members.remove(user);
            group.departed.add(user);
            writeLeft(room, leaver, now);
            changes.add(new AffiliationChange(user, "none"));
            events.add(0, new GroupEvent(room, Type.MEMBER_LEFT, user, user, null, now));
            return new Leave(changes, events, successor, group.members.isEmpty());
        }
    }

    /**
     * What leaving means for the room.
     *
     * @param changes  affiliation changes to make, in order
     * @param events   what the remaining members are shown
     * @param newOwner the new group owner, or null
     * @param empty    whether nobody is left (the room is then destroyed)
     */
    public record Leave(List<AffiliationChange> changes, List<GroupEvent> events, String newOwner, boolean empty) {
    }

    private Group existing(String room) {
        Group group = groups.get(room);
        if (group == null) {
            throw new StanzaErrorException(StanzaError.ITEM_NOT_FOUND, "no such group");
        }
        return group;
    }

    private static void requireManager(Group group, String requester) {
        GroupRole role = group.role(requester).orElseThrow(GroupService::notMember);
        if (!role.manages()) {
            throw new StanzaErrorException(StanzaError.FORBIDDEN, "only group admins may do this");
        }
    }

    private static StanzaErrorException notMember() {
        return new StanzaErrorException(StanzaError.FORBIDDEN, "not a member of this group");
    }

    /** Queues the group's row (and a member's, if given) for the writer, as they are now. */
    private void write(Group group, GroupMember member) {
        GroupSummary room = group.summary();
        inOrder(() -> {
            store.saveRoom(room);
            if (member != null) {
                store.saveMember(room.room(), member);
            }
        });
    }

    private void writeLeft(String room, GroupMember member, Instant at) {
        inOrder(() -> store.memberLeft(room, member, at));
    }

    /** Runs a write on the writer thread after those queued before it; a failure is logged, not lost silently. */
    private void inOrder(Runnable write) {
        boolean queued = writer.offer(() -> {
            try {
                write.run();
            } catch (RuntimeException e) {
                LOG.error("Group change not stored: {}", e.getMessage(), e);
            }
        });
        if (!queued) {
            LOG.error("Group change not stored: the group service is closed");
        }
    }

    /** Waits until every change queued so far is written (tests, and queries that read the tables). */
    public void flushed() throws InterruptedException {
        try {
            writer.flushed().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        writer.close(CLOSE_TIMEOUT);
    }
}
