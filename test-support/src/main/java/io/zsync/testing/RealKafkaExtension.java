package io.zsync.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the JVM's {@link KafkaStack} before a test class and stops it when the whole test run ends (a
 * resource in the root store is closed after every class's {@code afterAll}, so Micronaut contexts stop
 * before the broker does and nothing retries against a dead broker at shutdown).
 */
public final class RealKafkaExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        KafkaStack stack = KafkaStack.get();
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KafkaStack.class, k -> (AutoCloseable) KafkaStack::shutdown);
        context.publishReportEntry("kafka", stack.mode() + " " + stack.bootstrapServers());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == KafkaStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return KafkaStack.get();
    }
}
