package io.zsync.externalsync.domain;

/** Who wins a field both sides changed since the last sync. */
public enum ConflictRule {
    /** The side whose record was modified most recently (CRM times have whole seconds; ties go to the tie winner). */
    LATEST,
    /** Zoho CRM is the system of record for the field. */
    CRM_WINS,
    /** The external CRM is the system of record for the field. */
    EXTERNAL_WINS
}
