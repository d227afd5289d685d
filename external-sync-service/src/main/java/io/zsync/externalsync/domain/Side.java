package io.zsync.externalsync.domain;

/** The two sides of a contact pair: Zoho CRM and the external CRM (HubSpot today, Salesforce later). */
public enum Side {
    CRM,
    EXTERNAL;

    public Side other() {
        return this == CRM ? EXTERNAL : CRM;
    }

    public String label() {
        return this == CRM ? "crm" : "external";
    }
}
