package io.zsync.creatorhub.domain;

/**
 * The steps of the order saga, in the order they run. Each has a stable id that appears in completions
 * ({@code details}), dead letters ({@code failedStep}) and the docs; {@link #VALIDATE} is not a write but the
 * check of the order itself, named so that a rejected order says where it stopped.
 */
public enum Step {
    VALIDATE("order.validate"),
    CRM_CONTACT("crm.contact"),
    CRM_DEAL("crm.deal"),
    BOOKS_INVOICE("books.invoice"),
    DESK_TICKET("desk.ticket"),
    EMAIL("email.confirmation"),
    CREATOR_UPDATE("creator.update");

    /** The six writing steps, in saga order. */
    public static final java.util.List<Step> SAGA = java.util.List.of(CRM_CONTACT, CRM_DEAL, BOOKS_INVOICE, DESK_TICKET,
            EMAIL, CREATOR_UPDATE);

    private final String id;

    Step(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The step with this id, for tests and tools that read completions. */
    public static Step ofId(String id) {
        for (Step step : values()) {
            if (step.id.equals(id)) {
                return step;
            }
        }
        throw new IllegalArgumentException("no saga step " + id);
    }
}
