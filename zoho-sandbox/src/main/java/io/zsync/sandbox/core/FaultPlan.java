package io.zsync.sandbox.core;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The fault rules set through the admin API and the dice that decide, per request, whether one fires.
 * The first matching rule whose dice hit wins. A fixed {@code sandbox.fault-seed} makes runs repeatable.
 */
@Singleton
public class FaultPlan implements Resettable {

    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
    private final Random random;

    public FaultPlan(SandboxConfig config) {
        this.random = config.faultSeed() == 0 ? new Random() : new Random(config.faultSeed());
    }

    public void add(FaultRule rule) {
        rules.add(rule);
    }

    public boolean remove(String id) {
        return rules.removeIf(rule -> rule.id().equals(id));
    }

    public int clear() {
        int size = rules.size();
        rules.clear();
        return size;
    }

    @Override
    public void reset(boolean all) {
        if (all) {
            rules.clear();
        }
    }

    public List<FaultRule> rules() {
        return List.copyOf(rules);
    }

    public Optional<FaultRule> decide(Product product, String path) {
        for (FaultRule rule : rules) {
            if (rule.appliesTo(product, path) && random.nextDouble() < rule.rate() && rule.consume()) {
                if (rule.exhausted()) {
                    rules.remove(rule);
                }
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
