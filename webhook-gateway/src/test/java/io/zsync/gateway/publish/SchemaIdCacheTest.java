package io.zsync.gateway.publish;

import io.zsync.contract.ChangeEvent;
import io.zsync.contract.Watermark;
import io.zsync.schemas.serde.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaIdCacheTest {

    private final List<String> calls = new ArrayList<>();
    private final SchemaRegistryClient registry = new SchemaRegistryClient() {
        @Override
        public int register(String subject, Schema schema) {
            calls.add("register " + subject);
            return subject.length();
        }

        @Override
        public int lookup(String subject, Schema schema) {
            calls.add("lookup " + subject);
            return -subject.length();
        }

        @Override
        public Schema byId(int id) {
            return ChangeEvent.getClassSchema();
        }
    };

    @Test
    void shouldAskTheRegistryOncePerSubjectAndSchema() {
        SchemaIdCache cache = new SchemaIdCache(registry);

        for (int i = 0; i < 3; i++) {
            assertThat(cache.register("a-value", ChangeEvent.getClassSchema())).isEqualTo(7);
        }
        cache.register("b-value", ChangeEvent.getClassSchema());
        cache.register("a-value", Watermark.getClassSchema());
        cache.lookup("a-value", ChangeEvent.getClassSchema());

        assertThat(calls).containsExactly("register a-value", "register b-value", "register a-value", "lookup a-value");
    }
}
