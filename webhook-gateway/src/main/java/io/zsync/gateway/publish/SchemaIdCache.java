package io.zsync.gateway.publish;

import io.zsync.schemas.serde.SchemaRegistryClient;
import org.apache.avro.Schema;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers schema ids by subject and schema instance. The shared client keys its cache on the schema's JSON
 * text, which it renders on every call; a generated record's schema is one constant instance, so the hot
 * publish path can skip that rendering. Misses go to the shared client (and its own cache).
 */
final class SchemaIdCache implements SchemaRegistryClient {

    private record Key(String subject, Schema schema) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.subject.equals(subject) && k.schema == schema;
        }

        @Override
        public int hashCode() {
            return subject.hashCode() * 31 + System.identityHashCode(schema);
        }
    }

    private final SchemaRegistryClient delegate;
    private final Map<Key, Integer> registered = new ConcurrentHashMap<>();
    private final Map<Key, Integer> looked = new ConcurrentHashMap<>();

    SchemaIdCache(SchemaRegistryClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public int register(String subject, Schema schema) {
        return registered.computeIfAbsent(new Key(subject, schema), k -> delegate.register(subject, schema));
    }

    @Override
    public int lookup(String subject, Schema schema) {
        return looked.computeIfAbsent(new Key(subject, schema), k -> delegate.lookup(subject, schema));
    }

    @Override
    public Schema byId(int id) {
        return delegate.byId(id);
    }
}
