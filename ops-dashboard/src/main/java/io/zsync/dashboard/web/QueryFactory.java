package io.zsync.dashboard.web;

import io.micronaut.context.annotation.Factory;
import io.zsync.dashboard.query.DashboardReader;
import io.zsync.dashboard.query.StoreAccess;
import jakarta.inject.Singleton;

/** The reader over whichever stores the application has (the running Kafka Streams instance). */
@Factory
public class QueryFactory {

    @Singleton
    DashboardReader dashboardReader(StoreAccess stores) {
        return new DashboardReader(stores);
    }
}
