package io.zsync.stack;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerTest {

    @Test
    void shouldMakeClusterIdsTheStorageToolCannotTakeForAnOption() {
        // a plain random id starts with '-' once in 64; among 2,000 ids one such would almost surely appear
        IntStream.range(0, 2_000).mapToObj(i -> KafkaBroker.newClusterId()).forEach(id -> {
            assertThat(id).doesNotStartWith("-").hasSize(22);
            assertThat(Base64.getUrlDecoder().decode(id)).hasSize(16);
        });
    }
}
