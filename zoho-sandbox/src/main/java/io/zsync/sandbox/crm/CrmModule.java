package io.zsync.sandbox.crm;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CRM modules the sandbox serves and what it must know about their standard fields (§3.7):
 * which are lookups (and to which module), emails, phones, dates and numbers, the field that names a
 * record in lookups, and the system duplicate-check field upsert uses (§3.8).
 */
public record CrmModule(
        String apiName,
        String moduleId,
        String displayField,
        String duplicateCheckField,
        Map<String, String> lookups,
        List<String> emailFields,
        List<String> phoneFields,
        List<String> dateFields,
        List<String> numberFields) {

    private static final Map<String, CrmModule> MODULES = Map.of(
            "Leads", new CrmModule("Leads", "5725767000000002175", "Full_Name", "Email",
                    Map.of(),
                    List.of("Email", "Secondary_Email"), List.of("Phone", "Mobile", "Fax"), List.of(),
                    List.of("No_of_Employees", "Annual_Revenue")),
            "Contacts", new CrmModule("Contacts", "5725767000000002179", "Full_Name", "Email",
                    Map.of("Account_Name", "Accounts", "Reporting_To", "Contacts"),
                    List.of("Email", "Secondary_Email"),
                    List.of("Phone", "Home_Phone", "Other_Phone", "Mobile", "Asst_Phone", "Fax"),
                    List.of("Date_of_Birth"), List.of()),
            "Accounts", new CrmModule("Accounts", "5725767000000002177", "Account_Name", "Account_Name",
                    Map.of("Parent_Account", "Accounts"),
                    List.of(), List.of("Phone", "Fax"), List.of(), List.of("Employees", "Annual_Revenue")),
            "Deals", new CrmModule("Deals", "5725767000000002181", "Deal_Name", "Deal_Name",
                    Map.of("Account_Name", "Accounts", "Contact_Name", "Contacts"),
                    List.of(), List.of(), List.of("Closing_Date"),
                    List.of("Amount", "Probability", "Expected_Revenue")),
            "Products", new CrmModule("Products", "5725767000000002183", "Product_Name", "Product_Name",
                    Map.of(),
                    List.of(), List.of(), List.of("Sales_Start_Date", "Sales_End_Date"),
                    List.of("Unit_Price", "Qty_in_Stock", "Qty_Ordered", "Qty_in_Demand", "Commission_Rate")));

    /** Fields the server maintains; values sent for them are ignored. */
    static final List<String> READ_ONLY = List.of("id", "Created_Time", "Modified_Time", "Created_By", "Modified_By",
            "Full_Name", "$approval_state");

    public static Optional<CrmModule> of(String apiName) {
        return Optional.ofNullable(MODULES.get(apiName));
    }

    public static java.util.Set<String> names() {
        return MODULES.keySet();
    }

    public boolean isPersonModule() {
        return "Full_Name".equals(displayField);
    }
}
