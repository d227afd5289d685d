package io.zsync.gateway.support;

/**
 * The documented example payloads (zoho-api.md), verbatim where the document gives them, so tests prove the
 * gateway accepts what the sources really send.
 */
public final class Examples {

    /** zoho-api.md §4.3, first sample: an insert of one Lead. */
    public static final String CRM_INSERT = """
            {
              "server_time": 1718117126473,
              "query_params": {},
              "module": "Leads",
              "resource_uri": "https://www.zohoapis.com/crm/v2/Leads",
              "ids": ["5725767000003000064"],
              "affected_fields": [],
              "operation": "insert",
              "channel_id": "1000000068001",
              "token": "TOKEN_FOR_VERIFICATION_OF_1000000068001"
            }""";

    /** zoho-api.md §4.3, second sample: an update with affected values. */
    public static final String CRM_UPDATE = """
            {
              "server_time": 1718115953625,
              "affected_values": [ { "record_id": "5725767000003000010", "values": { "Mobile": "123456789" } } ],
              "query_params": {},
              "module": "Leads",
              "resource_uri": "https://www.zohoapis.com/crm/v2/Leads",
              "ids": ["5725767000003000010"],
              "affected_fields": [ { "5725767000003000010": ["Mobile"] } ],
              "operation": "update",
              "channel_id": "1000000068001",
              "token": "TOKEN_FOR_VERIFICATION_OF_1000000068001"
            }""";

    /** The token the examples carry, configured for channel 1000000068001 in tests. */
    public static final String CRM_TOKEN = "TOKEN_FOR_VERIFICATION_OF_1000000068001";
    public static final String CRM_CHANNEL = "1000000068001";

    /** zoho-api.md §9.2: a creation, a property change and a deletion of one contact. */
    public static final String HUBSPOT_BATCH = """
            [
              {"eventId":567890123,"subscriptionId":234567,"portalId":12345678,"appId":987654,
               "occurredAt":1708986598741,"subscriptionType":"contact.creation","attemptNumber":0,
               "objectId":65059681032,"changeFlag":"CREATED","changeSource":"CRM_UI","sourceId":"userId:45678"},
              {"eventId":567890124,"subscriptionId":234568,"portalId":12345678,"appId":987654,
               "occurredAt":1708986599001,"subscriptionType":"contact.propertyChange","attemptNumber":0,
               "objectId":65059681032,"propertyName":"email","propertyValue":"new@x.com",
               "changeSource":"CRM_UI"},
              {"eventId":567890125,"subscriptionId":234569,"portalId":12345678,"appId":987654,
               "occurredAt":1708986600000,"subscriptionType":"contact.deletion","attemptNumber":0,
               "objectId":65059681032,"changeFlag":"DELETED","changeSource":"CRM_UI"}
            ]""";

    /** zoho-api.md §9.3: HubSpot's worked v1 example. */
    public static final String HUBSPOT_V1_SECRET = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy";
    public static final String HUBSPOT_V1_BODY = "[{\"eventId\":1,\"subscriptionId\":12345,\"portalId\":62515,\"occurredAt\":1564113600000,\"subscriptionType\":\"contact.creation\",\"attemptNumber\":0,\"objectId\":123,\"changeSource\":\"CRM\",\"changeFlag\":\"NEW\",\"appId\":54321}]";
    public static final String HUBSPOT_V1_SIGNATURE = "232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de";

    /** zoho-api.md §6.6: a ticket update with its previous state. */
    public static final String DESK_UPDATE = """
            [
              {
                "eventType": "Ticket_Update",
                "orgId": "54983163",
                "eventTime": "1618493667780",
                "payload":   { "id": "31138000011967402", "ticketNumber": "1161", "status": "Open",
                               "statusType": "Open", "departmentId": "31138000000006907", "closedTime": null,
                               "modifiedTime": "2021-04-15T13:34:27.000Z" },
                "prevState": { "id": "31138000011967402", "ticketNumber": "1161", "status": "On Hold",
                               "statusType": "Open", "departmentId": "31138000000006907", "closedTime": null,
                               "modifiedTime": "2021-04-15T13:26:11.000Z" }
              }
            ]""";

    /** The §6.6 shape for a ticket being closed: statusType goes from Open to Closed. */
    public static final String DESK_CLOSED = """
            [
              {
                "eventType": "Ticket_Update",
                "orgId": "54983163",
                "eventTime": "1618493999000",
                "payload":   { "id": "31138000011967402", "ticketNumber": "1161", "status": "Closed",
                               "statusType": "Closed", "departmentId": "31138000000006907",
                               "closedTime": "2021-04-15T13:39:59.000Z", "resolution": "Replaced battery",
                               "modifiedTime": "2021-04-15T13:39:59.000Z" },
                "prevState": { "id": "31138000011967402", "ticketNumber": "1161", "status": "Open",
                               "statusType": "Open", "departmentId": "31138000000006907", "closedTime": null,
                               "resolution": null, "modifiedTime": "2021-04-15T13:34:27.000Z" }
              }
            ]""";

    public static final String DESK_ORG = "54983163";

    /** zoho-api.md §8.1: the Deluge payload of an order submission, as JSON text. */
    public static final String CREATOR_ORDER = """
            {"event":"order.submitted","record_id":"3888833000000114027","order_no":"SO-1001",
             "email":"jane@example.com","total":"120.00"}""";

    private Examples() {
    }
}
