package io.zsync.crmbooks.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerMatchTest {

    private static final CustomerPayload ANNA = new CustomerPayload("crm-1", "Anna Kingsley", null, "Anna", "Kingsley",
            "anna@example.com", null, new CustomerPayload.Address(null, null, null, null, null, null));

    @Test
    void shouldPickTheCustomerThatKeepsThisContactsCrmId() {
        BooksCandidate other = new BooksCandidate("b-1", "Anna Kingsley", "anna@example.com", null, null);
        BooksCandidate kept = new BooksCandidate("b-2", "A. Kingsley", "old@example.com", "crm-1", "p-2");

        assertThat(CustomerMatch.choose(List.of(other, kept), ANNA)).contains(kept);
    }

    @Test
    void shouldNeverPickACustomerOfAnotherCrmContact() {
        BooksCandidate namesake = new BooksCandidate("b-1", "Anna Kingsley", "anna@example.com", "crm-9", null);

        assertThat(CustomerMatch.choose(List.of(namesake), ANNA)).isEmpty();
        assertThat(CustomerMatch.belongsToAnother(namesake, ANNA)).isTrue();
    }

    @Test
    void shouldPreferTheSameEmailOverTheSameName() {
        BooksCandidate byName = new BooksCandidate("b-1", "anna kingsley", "someone@example.com", null, null);
        BooksCandidate byEmail = new BooksCandidate("b-2", "Anna K.", "ANNA@example.com ", null, null);

        assertThat(CustomerMatch.choose(List.of(byName, byEmail), ANNA)).contains(byEmail);
    }

    @Test
    void shouldFallBackToTheSameNameIgnoringCase() {
        BooksCandidate byName = new BooksCandidate("b-1", "ANNA KINGSLEY", null, null, null);

        assertThat(CustomerMatch.choose(List.of(byName), ANNA)).contains(byName);
    }

    @Test
    void shouldFindNothingAmongStrangers() {
        BooksCandidate stranger = new BooksCandidate("b-1", "Bob", "bob@example.com", null, null);

        assertThat(CustomerMatch.choose(List.of(stranger), ANNA)).isEmpty();
        assertThat(CustomerMatch.choose(List.of(), ANNA)).isEmpty();
    }

    @Test
    void shouldMatchByNameOnlyWhenTheContactHasNoEmail() {
        CustomerPayload noEmail = new CustomerPayload("crm-1", "Anna Kingsley", null, "Anna", "Kingsley", null, null,
                ANNA.billing());
        BooksCandidate sameName = new BooksCandidate("b-1", "Anna Kingsley", "x@example.com", null, null);

        assertThat(CustomerMatch.choose(List.of(sameName), noEmail)).contains(sameName);
    }
}
