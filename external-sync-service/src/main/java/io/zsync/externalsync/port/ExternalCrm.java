package io.zsync.externalsync.port;

import io.zsync.contract.SystemId;
import io.zsync.externalsync.domain.ContactValues;

import java.util.Optional;

/**
 * The external CRM's contacts, as the sync needs them: read, create (a known e-mail is refused with the existing
 * contact's id), update, delete, and look up by the stored Zoho id or by e-mail. One adapter per product
 * (HubSpot today); failures are the clients' typed API errors, so the runtime can tell retryable from permanent.
 * Every method takes the Zoho org key; the adapter maps it to the product's account.
 */
public interface ExternalCrm {

    /** The system id used in completions. */
    SystemId system();

    /** The entity type used in completions. */
    String entityType();

    Optional<ExternalContact> get(String org, String id);

    /** Creates a contact carrying {@code zohoId}; throws {@link ExternalDuplicateException} for a known e-mail. */
    ExternalContact create(String org, ContactValues values, String zohoId);

    void update(String org, String id, ExternalUpdate update);

    /** Deletes a contact; an unknown id counts as deleted. */
    void delete(String org, String id);

    Optional<ExternalContact> findByZohoId(String org, String zohoId);

    Optional<ExternalContact> findByEmail(String org, String email);

    /** Permits left in the product's burst window and its size, for the batch's pacing; left is negative if unknown. */
    Budget budget(String org);

    record Budget(long left, long limit) {
        public static final Budget UNKNOWN = new Budget(-1, 0);
    }
}
