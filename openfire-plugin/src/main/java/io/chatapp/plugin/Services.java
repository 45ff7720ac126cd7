package io.chatapp.plugin;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The services features offer one another, by type: a feature provides what later features (and its own Openfire
 * binding) use, and asks for what earlier ones provided. The order of the feature list is the order of dependence,
 * so asking for a service nobody provided yet is a programming error, reported at start-up.
 */
public final class Services {

    private final Map<Class<?>, Object> byType = new ConcurrentHashMap<>();

    public <T> T provide(Class<T> type, T service) {
        if (byType.putIfAbsent(type, service) != null) {
            throw new IllegalStateException(type.getSimpleName() + " is provided twice");
        }
        return service;
    }

    public <T> T get(Class<T> type) {
        Object service = byType.get(type);
        if (service == null) {
            throw new IllegalStateException(type.getSimpleName() + " is not provided by any feature started before"
                    + " the one asking for it; check the order of the feature list");
        }
        return type.cast(service);
    }
}
