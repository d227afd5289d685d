package io.zsync.deskprojects;

import io.micronaut.runtime.Micronaut;

/**
 * desk-projects-service: a Desk ticket of an engineering category (Bug, Feature Request) becomes one Zoho
 * Projects task, whose id and link are written back on the ticket.
 */
public final class DeskProjectsApplication {

    private DeskProjectsApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(DeskProjectsApplication.class, args);
    }
}
