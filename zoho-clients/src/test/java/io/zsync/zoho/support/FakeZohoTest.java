package io.zsync.zoho.support;

import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

/**
 * Base of client tests over real HTTP: starts a {@link FakeZoho} before the test context and points org
 * {@value FakeZoho#ORG} and HubSpot account {@value FakeZoho#HUBSPOT} at it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FakeZohoTest implements TestPropertyProvider {
    protected static final String ORG = FakeZoho.ORG;
    protected FakeZoho fake;

    @Override
    public Map<String, String> getProperties() {
        fake = new FakeZoho();
        Map<String, String> p = new HashMap<>();
        fake.clientProperties().forEach((k, v) -> p.put(k, String.valueOf(v)));
        p.putAll(extraProperties());
        return p;
    }

    /** Additional properties of a test class (budgets, timeouts). */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    protected FakeZohoState zoho() {
        return fake.state();
    }

    @BeforeEach
    void resetFake() {
        fake.state().reset();
    }

    @AfterAll
    void stopFake() {
        fake.close();
    }
}
