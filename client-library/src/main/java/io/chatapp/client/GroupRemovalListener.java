package io.chatapp.client;

/** Hears group messages deleted for everyone ({@link GroupChat#onRemoval}). */
@FunctionalInterface
public interface GroupRemovalListener {

    void onGroupRemoval(GroupRemoval removal);
}
