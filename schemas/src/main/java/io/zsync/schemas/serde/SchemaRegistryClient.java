package io.zsync.schemas.serde;

import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry REST API that the serde needs. Implementations cache: a schema
 * id never changes its schema, so ids and schemas are fetched at most once per process.
 */
public interface SchemaRegistryClient {

    /** Registers {@code schema} under {@code subject} (idempotent) and returns its global id. */
    int register(String subject, Schema schema);

    /** Returns the id of {@code schema} if it is registered under {@code subject}; fails otherwise. */
    int lookup(String subject, Schema schema);

    /** Returns the schema with global id {@code id}. */
    Schema byId(int id);
}
