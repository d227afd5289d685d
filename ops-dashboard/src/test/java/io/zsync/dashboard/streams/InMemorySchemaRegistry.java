package io.zsync.dashboard.streams;

import io.zsync.schemas.serde.SchemaRegistryClient;
import org.apache.avro.Schema;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A registry in memory for broker-free tests: the same schema always gets the same id. */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {

    private final Map<Schema, Integer> ids = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();

    @Override
    public synchronized int register(String subject, Schema schema) {
        return ids.computeIfAbsent(schema, s -> {
            int id = ids.size() + 1;
            schemas.put(id, s);
            return id;
        });
    }

    @Override
    public int lookup(String subject, Schema schema) {
        Integer id = ids.get(schema);
        if (id == null) {
            throw new IllegalStateException("not registered: " + schema.getFullName());
        }
        return id;
    }

    @Override
    public Schema byId(int id) {
        return schemas.get(id);
    }
}
