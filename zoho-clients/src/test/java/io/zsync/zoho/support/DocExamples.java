package io.zsync.zoho.support;

/**
 * Response bodies taken from zoho-api.md (section in each comment), so the clients are tested against the
 * documented contract rather than against the sandbox's reading of it.
 */
public final class DocExamples {
    private DocExamples() {
    }

    // ---- OAuth (§2.2, §2.3)
    public static final String TOKEN_OK = """
            {"access_token":"1000.8cb99dxxxx.9b8xxxx","scope":"ZohoCRM.modules.ALL ZohoCRM.settings.ALL",
             "api_domain":"https://www.zohoapis.com","token_type":"Bearer","expires_in":3600}"""; // §2.2 success
    public static final String TOKEN_LEGACY = """
            {"access_token":"1000.legacy.token","expires_in_sec":3600,"expires_in":3600000,
             "api_domain":"https://www.zohoapis.com","token_type":"Bearer"}"""; // §2.2 Writer: prefer expires_in_sec
    public static final String TOKEN_INVALID_CODE = "{\"error\":\"invalid_code\"}"; // §2.3, sent with HTTP 200
    public static final String TOKEN_INVALID_CLIENT = "{\"error\":\"invalid_client\"}"; // §2.3, HTTP 200
    public static final String TOKEN_ACCESS_DENIED = """
            {"error":"Access Denied","error_description":"You have made too many requests continuously. Please try again after some time.","status":"failure"}"""; // §2.3 throttle

    // ---- CRM (§3)
    public static final String CRM_RECORD = """
            {"data":[{"id":"3652397000009851001","Last_Name":"test8000","Email":null,
              "Account_Name":{"name":"Zylker","id":"3652397000000624046"},"Amount":1250.5,
              "Modified_Time":"2023-05-10T01:10:47-07:00"}]}"""; // §3.1 get one: array of 1
    public static final String CRM_LIST_PAGE_1 = """
            {"data":[{"id":"1","Last_Name":"a"},{"id":"2","Last_Name":"b"}],
             "info":{"call":false,"per_page":2,"next_page_token":"c8582xx9e7c7","count":2,"sort_by":"id","page":1,
                     "previous_page_token":null,"page_token_expiry":"2022-11-11T15:08:14+05:30","sort_order":"desc",
                     "email":false,"more_records":true}}"""; // §3.3
    public static final String CRM_LIST_PAGE_2 = """
            {"data":[{"id":"3","Last_Name":"c"}],
             "info":{"per_page":2,"next_page_token":null,"count":1,"page":2,"more_records":false}}"""; // §3.3 last page
    public static final String CRM_INSERT_OK = """
            {"data":[{"code":"SUCCESS","details":{"Modified_Time":"2023-05-10T01:10:47-07:00",
              "Modified_By":{"name":"Patricia Boyle","id":"5725767000000411001"},"Created_Time":"2023-05-10T01:10:47-07:00",
              "id":"5725767000000524157","Created_By":{"name":"Patricia Boyle","id":"5725767000000411001"},
              "$approval_state":"approved"},"message":"record added","status":"success"}]}"""; // §3.2
    public static final String CRM_DUPLICATE_ELEMENT = """
            {"code":"DUPLICATE_DATA","details":{"api_name":"Email","json_path":"$.data[0].Email",
              "duplicate_record":{"id":"4881139000000428295","module":{"api_name":"Contacts","id":"4881139000000002179"},
              "Owner":{"name":"P Boyle","id":"4881139000000307001","zuid":"736078909"}},"more_records":false},
             "message":"duplicate data","status":"error"}"""; // §3.8
    public static final String CRM_INVALID_DATA_ELEMENT = """
            {"code":"INVALID_DATA","details":{"api_name":"Last_Name","json_path":"$.data[1].Last_Name"},
             "message":"the field api name given seems to be invalid","status":"error"}"""; // §3.2
    public static final String CRM_MIXED_207 = "{\"data\":[" + """
            {"code":"SUCCESS","details":{"id":"5725767000000524157"},"message":"record added","status":"success"}"""
            + "," + CRM_INVALID_DATA_ELEMENT + "]}"; // §3.2 partial success is 207
    public static final String CRM_ALL_FAILED_400 = "{\"data\":[" + CRM_DUPLICATE_ELEMENT + "]}"; // §3.2 all failed: 400
    public static final String CRM_UPSERT_UPDATE = """
            {"data":[{"code":"SUCCESS","duplicate_field":"Email","action":"update",
              "details":{"id":"5725767000000524157"},"message":"record updated","status":"success"}]}"""; // §3.2 upsert
    public static final String CRM_DELETE_OK = """
            {"data":[{"code":"SUCCESS","details":{"id":"410405000002264040"},"message":"record deleted","status":"success"},
                     {"code":"SUCCESS","details":{"id":"410405000002264025"},"message":"record deleted","status":"success"}]}"""; // §3.9
    public static final String CRM_MANDATORY_NOT_FOUND = """
            {"data":[{"code":"MANDATORY_NOT_FOUND","details":{"api_name":"Last_Name","json_path":"$.data[0].Last_Name"},
              "message":"required field not found","status":"error"}]}"""; // §3.4, all failed -> 400
    public static final String CRM_INVALID_TOKEN = """
            {"code":"INVALID_TOKEN","details":{},"message":"invalid oauth token","status":"error"}"""; // §3.4 401
    public static final String CRM_SCOPE_MISMATCH = """
            {"code":"OAUTH_SCOPE_MISMATCH","message":"Unauthorized","status":"error","details":{}}"""; // §3.4 401
    public static final String CRM_TOO_MANY = """
            {"code":"TOO_MANY_REQUESTS","details":{},"message":"API credit limit exceeded","status":"error"}"""; // §3.13 429
    public static final String CRM_RATE_LIMIT_EXCEEDED = """
            {"code":"RATE_LIMIT_EXCEEDED","details":{},"message":"rate limit exceeded","status":"error"}"""; // §3.4 OAS variant
    public static final String CRM_INTERNAL = """
            {"code":"INTERNAL_ERROR","details":{},"message":"Internal Server Error","status":"error"}"""; // §3.4 500
    public static final String CRM_LIMIT_EXCEEDED = """
            {"code":"LIMIT_EXCEEDED","details":{"maximum_length":100,"api_name":"data"},"message":"limit exceeded","status":"error"}"""; // §3.4
    public static final String CRM_MULTI_ERRORS = """
            {"code":"MULTIPLE_OR_MULTI_ERRORS","details":{"errors":[
              {"code":"INVALID_DATA","details":{"api_name":"Email"},"message":"invalid email"},
              {"code":"MANDATORY_NOT_FOUND","details":{"api_name":"Last_Name"},"message":"required field not found"}]},
             "message":"multiple errors","status":"error"}"""; // §3.4
    public static final String CRM_WATCH_OK = """
            {"watch":[{"code":"SUCCESS","details":{"events":[{"channel_expiry":"2025-06-30T10:30:00+05:30",
              "resource_uri":"https://www.zohoapis.com/crm/v2/Contacts","resource_id":"554023000000000129",
              "resource_name":"Contacts","channel_id":"1000000068001"}]},
              "message":"Successfully subscribed for actions-watch of the given module","status":"success"}]}"""; // §4.2
    public static final String CRM_WATCH_MIXED = """
            {"watch":[{"code":"SUCCESS","details":{"events":[]},"message":"Successfully subscribed for actions-watch of the given module","status":"success"},
              {"code":"MANDATORY_NOT_FOUND","details":{"api_name":"channel_id","json_path":"$.watch[1].channel_id"},
               "message":"required field not found","status":"error"}]}"""; // §4.2 207

    // ---- Books (§5)
    public static final String BOOKS_CONTACT_CREATED = """
            {"code":0,"message":"The contact has been added.",
             "contact":{"contact_id":460000000026049,"contact_name":"Bowman and Co","company_name":"Bowman and Co",
               "contact_type":"customer","status":"active","primary_contact_id":460000000026051,
               "billing_address":{"address":"4900 Hopyard Rd","street2":"Suite 310","city":"Pleasanton","state":"CA","zip":"94588","country":"U.S.A"},
               "contact_persons":[{"contact_person_id":460000000026051,"first_name":"Will","last_name":"Smith",
                  "email":"willsmith@bowmanfurniture.com","is_primary_contact":true}],
               "created_time":"2013-08-05T12:06:10+0530","last_modified_time":"2013-10-07T18:24:51+0530"}}"""; // §5.2 ids as bare numbers (doc sample)
    public static final String BOOKS_CONTACTS_BY_EMAIL = """
            {"code":0,"message":"success","contacts":[{"contact_id":"8527119000000099001","contact_name":"Bowman and Co",
              "email":"willsmith@bowmanfurniture.com","first_name":"Will","last_name":"Smith"}],
             "page_context":{"page":1,"per_page":200,"has_more_page":false,"sort_column":"contact_name","sort_order":"A"}}"""; // §5.2 ids as strings (captured)
    public static final String BOOKS_CONTACTS_EMPTY = """
            {"code":0,"message":"success","contacts":[],"page_context":{"page":1,"per_page":200,"has_more_page":false}}"""; // §5.2 empty list, not 404
    public static final String BOOKS_DUPLICATE_NAME = """
            {"code":3062,"message":"The customer \\"Acme Corp\\" already exists. Please specify a different name."}"""; // §5.2 HTTP 400
    public static final String BOOKS_NOT_FOUND = "{\"code\":1002,\"message\":\"Invoice does not exist.\"}"; // §5.4
    public static final String BOOKS_JSON_MALFORMED = "{\"code\":1038,\"message\":\"JSON is not well formed\"}"; // §5.4
    public static final String BOOKS_INVALID_TOKEN = "{\"code\":57,\"message\":\"You are not authorized to perform this operation\"}"; // §5.4 401 [U]
    public static final String BOOKS_RATE_LIMITED = "{\"code\":44,\"message\":\"You have exceeded the maximum number of API requests per minute\"}"; // §5.4 429, code [U]
    public static final String BOOKS_INVOICE_CREATED = """
            {"code":0,"message":"The invoice has been created.","invoice":{"invoice_id":"460000000039129",
             "invoice_number":"INV-00003","reference_number":"DEAL-3652397000003852095","status":"draft",
             "customer_id":"460000000026049","date":"2024-01-15","due_date":"2024-01-30",
             "line_items":[{"line_item_id":"460000000039131","item_id":"460000000027009","name":"Widget","rate":120.0,"quantity":2,"item_total":240.0}],
             "sub_total":240.0,"total":240.0,"balance":240.0}}"""; // §5.3 structure

    // ---- Desk (§6)
    public static final String DESK_CONTACT = """
            {"id":"55430000068790003","firstName":null,"lastName":"Kingsley","email":"anna@example.com",
             "secondaryEmail":null,"phone":"555-0100","mobile":null,"accountId":null,"ownerId":"55430000000000001",
             "createdTime":"2026-10-05T17:28:50.000Z","modifiedTime":"2026-10-05T17:28:50.000Z",
             "customFields":{},"cf":{},"layoutId":"55430000000011346","isDeleted":false,"isTrashed":false,
             "isSpam":false,"isAnonymous":false,"isEndUser":false,"zohoCRMContact":null,"webUrl":"https://desk.zoho.in/x"}"""; // §6.2
    public static final String DESK_TICKET = """
            {"id":"55430000068840041","ticketNumber":"120236","subject":"[AI chat] Battery",
             "departmentId":"55430000000010772","contactId":"55430000068790003","accountId":null,
             "status":"Open","statusType":"Open","priority":"Medium","channel":"Chat","category":null,
             "subCategory":null,"classification":null,"resolution":null,"closedTime":null,"onholdTime":null,
             "dueDate":"2026-10-06T17:28:58.000Z","responseDueDate":null,"assigneeId":null,"teamId":null,
             "createdTime":"2026-10-05T17:28:58.000Z","modifiedTime":"2026-10-05T17:28:58.000Z",
             "email":null,"phone":"...","language":"English","isOverDue":false,"isEscalated":false,
             "isSpam":false,"isArchived":false,"isDeleted":false,"isTrashed":false,"threadCount":"1",
             "commentCount":"0","attachmentCount":"0","layoutId":"55430000000011350",
             "source":{"type":"SYSTEM","appName":null,"extId":null,"permalink":null},
             "webUrl":"https://desk.zoho.in/support/p/ShowHomePage.do#Cases/dv/55430000068840041",
             "customFields":{"Order Id":null},"cf":{"cf_order_id":null}}"""; // §6.3 captured ticket
    public static final String DESK_VALIDATION = """
            {"errorCode":"INVALID_DATA","message":"The data does not comply to the validation restrictions defined.",
             "errors":[{"fieldName":"/contactId","errorType":"invalid"},{"fieldName":"/departmentId","errorType":"invalid"}]}"""; // §6.4
    public static final String DESK_INVALID_OAUTH = """
            {"errorCode":"INVALID_OAUTH","message":"The OauthToken is invalid or has expired."}"""; // §6.4 401
    public static final String DESK_ORG_MISMATCH = """
            {"errorCode":"OAUTH_ORG_MISMATCH","message":"The organization does not match the token."}"""; // §6.1
    public static final String DESK_TOO_MANY = """
            {"errorCode":"TOO_MANY_REQUESTS","message":"Too many requests."}"""; // §6.4 429
    public static final String DESK_URL_NOT_FOUND = """
            {"errorCode":"URL_NOT_FOUND","message":"The URL you requested could not be found."}"""; // §6.4

    // ---- Projects v1 (§7.1)
    public static final String PROJECTS_TASKS = """
            {"tasks":[{"id":170876000000270067,"id_string":"170876000000270067","name":"Ledger","completed":false,
              "created_by":"2060758","created_person":"Patricia Boyle","priority":"High","percent_complete":0,
              "start_date":"01-14-2011","start_date_long":1294972200000,"end_date":"01-24-2011","end_date_long":1295836200000,
              "duration":"11","details":{"owners":[{"name":"Amritha Agrawal","id":"2063270"}]},
              "link":{"self":{"url":"https://projectsapi.zoho.com/restapi/portal/2063927/projects/170876000000147021/tasks/170876000000270067/"},
                      "timesheet":{"url":"https://projectsapi.zoho.com/restapi/portal/2063927/projects/170876000000147021/tasks/170876000000270067/logs/"}},
              "tasklist":{"id":170876000000147061,"name":"General"},"subtasks":false}]}"""; // §7.1
    public static final String PROJECTS_ERROR = "{\"error\":{\"code\":6404,\"message\":\"Task does not exist\"}}"; // §7.1 [U] shape

    // ---- Creator v2.1 (§8)
    public static final String CREATOR_RECORD = """
            {"code":3000,"data":{"ID":"3888833000000114027","Email":"a@b.com","Order_Total":"120.00",
              "Customer":{"ID":"3888833000000114001","display_value":"Jane"}}}"""; // §8 get by id
    public static final String CREATOR_UPDATED = """
            {"code":3000,"data":{"ID":"3888833000000114027"},"message":"Data Updated Successfully!"}"""; // §8 update [U message]
    public static final String CREATOR_TOKEN_INVALID = "{\"code\":1030,\"message\":\"Access token invalid or expired\"}"; // §8 401/1030
    public static final String CREATOR_MANDATORY_MISSING = "{\"code\":1000,\"message\":\"Mandatory parameter missing\"}"; // §8 401/1000: NOT a token error
    public static final String CREATOR_NO_OWNER = "{\"code\":1040,\"message\":\"No such account owner\"}"; // §8 404/1040

    // ---- HubSpot (§9)
    public static final String HUBSPOT_CONTACT = """
            {"id":"512","properties":{"email":"a@b.com","firstname":"A","lastname":"B","hs_object_id":"512",
              "createdate":"2024-01-15T10:00:00.000Z","lastmodifieddate":"2024-01-15T10:00:00.000Z"},
             "createdAt":"2024-01-15T10:00:00.000Z","updatedAt":"2024-01-15T10:00:00.000Z","archived":false}"""; // §9.1
    public static final String HUBSPOT_CONFLICT = """
            {"status":"error","message":"Contact already exists. Existing ID: 37765128953","correlationId":"8a1b5c2e-1111-2222-3333-444455556666","category":"CONFLICT"}"""; // §9.1 409
    public static final String HUBSPOT_SEARCH = """
            {"total":1,"results":[{"id":"512","properties":{"email":"a@b.com","firstname":"A"},
              "createdAt":"2024-01-15T10:00:00.000Z","updatedAt":"2024-01-15T10:00:00.000Z","archived":false}]}"""; // §9.1 search
    public static final String HUBSPOT_RATE_LIMIT = """
            {"status":"error","message":"You have reached your secondly limit.","errorType":"RATE_LIMIT","correlationId":"c1","policyName":"SECONDLY"}"""; // §9.1 429 [U]
}
