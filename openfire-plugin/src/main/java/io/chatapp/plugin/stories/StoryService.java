package io.chatapp.plugin.stories;

import io.chatapp.plugin.config.StorySettings;
import io.chatapp.plugin.media.MediaFile;
import io.chatapp.plugin.stories.StoryException.Problem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Every rule of status stories, without Openfire: posting (text with colour and font, or a file from the upload
 * service, within the limits), expiry (a story is hidden from every read path once its time is up), the audience
 * (only contacts, as the owner's preference was when posting; outside it a story is indistinguishable from one that
 * does not exist), views (recorded once, listed only for the owner, and only for users whose read receipts are on),
 * the feed (unseen first, muted last) and mute. Blocking (database, rosters): callers run it off packet threads.
 */
public final class StoryService {

    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern FONT = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Pattern BARE_JID = Pattern.compile("[^@/\\s]{1,1023}@[^@/\\s]{1,1023}");

    private final StoryStore store;
    private final StoryFiles files;
    private final Contacts contacts;
    private final StoryEvents events;
    private final StorySettings settings;
    private final Clock clock;
    private final List<StoryPostListener> postListeners = new CopyOnWriteArrayList<>();

    public StoryService(StoryStore store, StoryFiles files, Contacts contacts, StoryEvents events,
                        StorySettings settings, Clock clock) {
        this.store = store;
        this.files = files;
        this.contacts = contacts;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** Posts a story for {@code owner}, shared with the audience of their current preference, and tells it. */
    public PostedStory post(String owner, PostRequest request) throws Exception {
        Instant now = clock.instant();
        Instant expires = now.plus(settings.lifetime());
        Audience audience = store.preferences(owner).audience();
        Story story;
        MediaFile file = null;
        if (request.mediaUrl() != null) {
            String caption = checkedText(request.caption(), true);
            file = files.ownFile(request.mediaUrl(), owner).orElseThrow(() -> new StoryException(
                    Problem.MEDIA_REFUSED, "The media URL must name a file you uploaded to this server."));
            StoryKind kind = file.mediaType().startsWith("image/") ? StoryKind.IMAGE
                    : file.mediaType().startsWith("video/") ? StoryKind.VIDEO : null;
            if (kind == null) {
                throw new StoryException(Problem.MEDIA_REFUSED, "Only images and videos can be stories, not "
                        + file.mediaType() + ".");
            }
            if (kind == StoryKind.VIDEO) {
                checkPlayLength(file);
            }
            if (store.liveWithFile(file.fileId(), now).isPresent()) {
                // Deleting or expiring one story deletes its file: two stories cannot share one.
                throw new StoryException(Problem.MEDIA_REFUSED, "This file is already a story; upload it again.");
            }
            story = new Story(StoryIds.random(), owner, kind, caption, null, null, file.fileId(), audience, now,
                    expires);
        } else {
            String text = checkedText(request.text(), false);
            story = new Story(StoryIds.random(), owner, StoryKind.TEXT, text, color(request.color()),
                    font(request.font()), null, audience, now, expires);
        }
        store.insert(story);
        if (file != null) {
            files.expireAt(file.fileId(), owner, expires);
        }
        PostedStory posted = new PostedStory(story, file, file == null ? null : files.url(file.fileId()).orElse(null),
                true, 0);
        Set<String> recipients = recipients(story);
        events.posted(asSeenBy(posted), recipients);
        for (StoryPostListener listener : postListeners) {
            listener.posted(story, recipients);
        }
        return posted;
    }

    /** Tells the listener of each story posted from now on; closing the result stops that. */
    public AutoCloseable onPosted(StoryPostListener listener) {
        postListeners.add(listener);
        return () -> postListeners.remove(listener);
    }

    /** Refuses a video longer than the limit, or whose container does not say how long it plays. */
    private void checkPlayLength(MediaFile file) throws Exception {
        long limit = settings.maxVideoLength().toSeconds();
        Duration length = files.playLength(file).orElseThrow(() -> new StoryException(Problem.VIDEO_LENGTH_UNKNOWN,
                "A video story must be an MP4, MOV, 3GP, WebM or Matroska file that states its length (at most "
                        + limit + " s); this one's length cannot be read."));
        if (length.compareTo(settings.maxVideoLength()) > 0) {
            throw new StoryException(Problem.VIDEO_TOO_LONG, "A video story may play at most " + limit
                    + " s; this one plays " + length.toSeconds() + " s. Trim it and post it again.");
        }
    }

    /** The audience members to tell of a new story: its audience among the owner's contacts, but those who muted. */
    private Set<String> recipients(Story story) throws Exception {
        Set<String> members = new LinkedHashSet<>();
        for (String contact : contacts.of(story.owner())) {
            if (story.audience().includes(contact, true)) {
                members.add(contact);
            }
        }
        members.removeAll(store.mutersOf(story.owner(), members));
        return members;
    }

    /** The story as someone else than its owner gets it: unseen, without the owner's view count. */
    private static PostedStory asSeenBy(PostedStory posted) {
        return new PostedStory(posted.story(), posted.media(), posted.mediaUrl(), false, null);
    }

    /** The contacts with live stories shared with {@code viewer}: unseen first, then newest, muted last. */
    public List<FeedEntry> feed(String viewer) throws Exception {
        List<FeedEntry> entries = new ArrayList<>(store.feed(viewer, contacts.of(viewer), clock.instant()));
        entries.sort(Comparator.comparing(FeedEntry::muted)
                .thenComparing(entry -> entry.unseen() == 0)
                .thenComparing(FeedEntry::latest, Comparator.reverseOrder())
                .thenComparing(FeedEntry::owner));
        return entries;
    }

    /**
     * {@code owner}'s live stories that {@code viewer} may see, oldest first: all of them, with their view counts,
     * for the owner; for anyone else those shared with them (none when they are not a contact, exactly as when
     * there are none).
     */
    public List<PostedStory> fetch(String viewer, String owner) throws Exception {
        String target = jid(owner);
        List<Story> live = store.liveOf(target, clock.instant());
        if (live.isEmpty()) {
            return List.of();
        }
        List<String> ids = live.stream().map(Story::id).toList();
        if (target.equals(viewer)) {
            Map<String, Integer> counts = store.listedViewCounts(ids);
            List<PostedStory> own = new ArrayList<>();
            for (Story story : live) {
                own.add(withMedia(story, true, counts.getOrDefault(story.id(), 0)));
            }
            return own;
        }
        boolean contact = contacts.of(target).contains(viewer);
        Set<String> seen = store.seenBy(viewer, ids);
        List<PostedStory> visible = new ArrayList<>();
        for (Story story : live) {
            if (story.audience().includes(viewer, contact)) {
                visible.add(withMedia(story, seen.contains(story.id()), null));
            }
        }
        return visible;
    }

    private PostedStory withMedia(Story story, boolean seen, Integer viewCount) throws Exception {
        if (story.fileId() == null) {
            return new PostedStory(story, null, null, seen, viewCount);
        }
        Optional<MediaFile> file = files.file(story.fileId());
        return new PostedStory(story, file.orElse(null), file.isEmpty() ? null : files.url(story.fileId())
                .orElse(null), seen, viewCount);
    }

    /** Notes that {@code viewer} viewed the story (once; the owner's own views are not noted). */
    public void view(String viewer, String storyId) throws Exception {
        Story story = visible(viewer, storyId);
        if (!story.owner().equals(viewer)) {
            store.recordView(story.id(), viewer, clock.instant());
        }
    }

    /** Who viewed the owner's story; refused while the owner's own read receipts are off. */
    public List<StoryViewer> viewers(String owner, String storyId) throws Exception {
        Story story = owned(owner, storyId);
        if (!store.preferences(owner).readReceipts()) {
            throw new StoryException(Problem.NOT_ALLOWED, "Your read receipts are off: turn them on to see who"
                    + " viewed your stories.");
        }
        return store.listedViewers(story.id());
    }

    /** Deletes the owner's story now, with its views and its file. */
    public void delete(String owner, String storyId) throws Exception {
        Story story = owned(owner, storyId);
        remove(List.of(story));
    }

    /** Deletes stories (expired or deleted early) with their views and files, and tells it. */
    void remove(List<Story> stories) throws Exception {
        store.delete(stories.stream().map(Story::id).toList());
        for (Story story : stories) {
            if (story.fileId() != null) {
                files.delete(story.fileId(), story.owner());
            }
            events.removed(story);
        }
    }

    public StoryPreferences preferences(String user) throws Exception {
        return store.preferences(user);
    }

    /** Sets the audience of the user's future stories (stories already posted keep theirs). */
    public void setAudience(String user, AudienceMode mode, List<String> members) throws Exception {
        if (mode != AudienceMode.CONTACTS && members.size() > Audience.MAX_MEMBERS) {
            throw new StoryException(Problem.BAD_REQUEST, "An audience lists at most " + Audience.MAX_MEMBERS
                    + " users.");
        }
        Set<String> listed = new LinkedHashSet<>();
        for (String member : members) {
            listed.add(jid(member));
        }
        StoryPreferences current = store.preferences(user);
        store.savePreferences(user, new StoryPreferences(new Audience(mode, listed), current.readReceipts()));
    }

    /** Notes whether the user sends read receipts (see {@link StoryPreferences}). */
    public void setReadReceipts(String user, boolean on) throws Exception {
        StoryPreferences current = store.preferences(user);
        store.savePreferences(user, new StoryPreferences(current.audience(), on));
    }

    /** Mutes or unmutes {@code target}'s stories for {@code user}. */
    public void mute(String user, String target, boolean mute) throws Exception {
        store.setMuted(user, jid(target), mute);
    }

    /** Whether {@code user} may fetch the file as the media of a live story shared with them (media's hook). */
    public boolean grantsFile(String fileId, String user) throws Exception {
        Optional<Story> story = store.liveWithFile(fileId, clock.instant());
        if (story.isEmpty()) {
            return false;
        }
        return story.get().owner().equals(user)
                || story.get().audience().includes(user, contacts.of(story.get().owner()).contains(user));
    }

    /** The live story if {@code viewer} owns it or is in its audience; otherwise "no such story", whatever the cause. */
    private Story visible(String viewer, String storyId) throws Exception {
        Story story = live(storyId).orElseThrow(StoryException::notFound);
        if (story.owner().equals(viewer)
                || story.audience().includes(viewer, contacts.of(story.owner()).contains(viewer))) {
            return story;
        }
        throw StoryException.notFound();
    }

    private Story owned(String owner, String storyId) throws Exception {
        return live(storyId).filter(story -> story.owner().equals(owner)).orElseThrow(StoryException::notFound);
    }

    private Optional<Story> live(String storyId) throws Exception {
        if (!StoryIds.valid(storyId)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return store.story(storyId).filter(story -> story.liveAt(now));
    }

    private String checkedText(String text, boolean optional) throws StoryException {
        if (text == null || text.isBlank()) {
            if (optional) {
                return null;
            }
            throw new StoryException(Problem.BAD_REQUEST, "A story needs a text or a media URL.");
        }
        int length = text.codePointCount(0, text.length());
        if (length > settings.maxTextChars()) {
            throw new StoryException(Problem.TEXT_TOO_LONG, "A story's text may have at most "
                    + settings.maxTextChars() + " characters; this one has " + length + ".");
        }
        return text;
    }

    private static String color(String color) throws StoryException {
        if (color == null || color.isEmpty()) {
            return null;
        }
        if (!COLOR.matcher(color).matches()) {
            throw new StoryException(Problem.BAD_REQUEST, "A colour is #rrggbb, not " + color + ".");
        }
        return color.toLowerCase(Locale.ROOT);
    }

    private static String font(String font) throws StoryException {
        if (font == null || font.isEmpty()) {
            return null;
        }
        if (!FONT.matcher(font).matches()) {
            throw new StoryException(Problem.BAD_REQUEST, "A font name is 1 to 32 of a-z, 0-9 and '-'.");
        }
        return font;
    }

    /** A bare JID as stored: lower case (node and domain compare case-insensitively). */
    static String jid(String value) throws StoryException {
        if (value == null || !BARE_JID.matcher(value.strip()).matches()) {
            throw new StoryException(Problem.BAD_REQUEST, "Not a bare JID: " + value);
        }
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
