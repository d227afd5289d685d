package io.zsync.testing;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives the test class a real Kafka broker and schema registry ({@link KafkaStack}); a test method or
 * constructor may take a {@link KafkaStack} parameter. The stack is shared by every test of the JVM and
 * stopped after the last one, after Micronaut contexts have closed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RealKafkaExtension.class)
public @interface RealKafka {
}
