package io.zsync.sandbox.crm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** zoho-api.md §3.10: the search criteria grammar and operator semantics, as a pure function. */
class CrmCriteriaTest {

    // A rendered record as search sees it: text, a number, a lookup and a CRM datetime.
    static final Map<String, Object> RECORD = Map.of(
            "Company", "ABC Inc",
            "Last_Name", "Burns,B",
            "Amount", 1500,
            "Account_Name", Map.of("name", "Zylker", "id", "5725767000000000001"),
            "Modified_Time", "2024-05-10T01:10:47-07:00");

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "(Company:equals:ABC)|true",                                  // equals behaves like contains for text
            "(Company:equals:abc inc)|true",                              // case does not matter
            "(Company:not_equal:ABC Inc)|false",
            "(Company:starts_with:AB)|true",
            "(Company:starts_with:Inc)|false",
            "(Last_Name:equals:Burns\\,B)|true",                          // escaped comma is part of the value
            "(Last_Name:in:Smith,Jones)|false",
            "(Amount:greater_than:1000)|true",
            "(Amount:less_equal:1499)|false",
            "(Amount:between:1000,2000)|true",
            "(Account_Name:equals:5725767000000000001)|true",             // a lookup matches by id …
            "(Account_Name:equals:Zylker)|true",                          // … or by name
            "(Modified_Time:greater_than:2024-05-10T08:00:00+00:00)|true", // compared as instants, not text
            "((Company:equals:ABC)and(Amount:less_than:100))|false",
            "((Company:equals:XYZ)or(Amount:greater_equal:1500))|true",
            "(((Company:equals:ABC)and(Amount:equals:1500))or(Last_Name:equals:nobody))|true"
    })
    void shouldEvaluateCriteria(String criteria, boolean expected) {
        assertThat(CrmCriteria.parse(criteria, true).test(RECORD)).isEqualTo(expected);
    }

    @Test
    void shouldMatchExactlyWhenEqualsIsNotContains() {
        assertThat(CrmCriteria.parse("(Company:equals:ABC)", false).test(RECORD)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Company:equals:ABC",        // no parentheses
            "(Company:equals:ABC",       // unbalanced
            "(Company:like:ABC)",        // unknown operator
            "(Company)"                  // no operator
    })
    void shouldRejectMalformedCriteria(String criteria) {
        assertThatThrownBy(() -> CrmCriteria.parse(criteria, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRejectMoreThanTenConditions() {
        String eleven = "(" + "(Company:equals:A)and".repeat(10) + "(Company:equals:A))";

        assertThatThrownBy(() -> CrmCriteria.parse(eleven, true)).isInstanceOf(IllegalArgumentException.class);
    }
}
