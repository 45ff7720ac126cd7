package io.chatapp.client.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** A set that forgets its oldest entries beyond a capacity. Not thread-safe. */
public final class BoundedSet<E> {

    private final Map<E, Boolean> entries;

    public BoundedSet(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity < 1");
        }
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024) * 2, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<E, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Adds the element; false when it was already there. */
    public boolean add(E element) {
        return entries.put(element, Boolean.TRUE) == null;
    }

    public boolean contains(E element) {
        return entries.containsKey(element);
    }

    public int size() {
        return entries.size();
    }
}
