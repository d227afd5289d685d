package io.zsync.dashboard;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * The operations dashboard: reads every flow's completions and dead letters (Kafka Streams), watches the services'
 * consumer lag, turns both into health, and lets an operator search a record's lineage and redrive dead letters.
 */
@OpenAPIDefinition(
        info = @Info(title = "zsync ops dashboard", version = "0.1",
                description = "Per-flow health, consumer lag, dead letters (with redrive) and record lineage. "
                        + "Every endpoint needs a login: VIEWER reads, OPERATOR also redrives."),
        security = {@SecurityRequirement(name = "basicAuth"), @SecurityRequirement(name = "cookieAuth")})
@SecurityScheme(name = "basicAuth", type = SecuritySchemeType.HTTP, scheme = "basic")
@SecurityScheme(name = "cookieAuth", type = SecuritySchemeType.APIKEY,
        in = io.swagger.v3.oas.annotations.enums.SecuritySchemeIn.COOKIE, paramName = "JWT")
public final class DashboardApplication {

    private DashboardApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(DashboardApplication.class, args);
    }
}
