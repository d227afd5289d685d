package io.zsync.zoho.hubspot;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.zsync.zoho.ZohoProduct;
import io.zsync.zoho.error.ZohoApiException;
import io.zsync.zoho.error.ZohoDuplicateException;
import io.zsync.zoho.error.ZohoErrorMapper;
import io.zsync.zoho.error.ZohoNotFoundException;
import io.zsync.zoho.error.ZohoValidationException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HubSpot errors (zoho-api.md §9.1): {@code {"status":"error","message","category","correlationId"}}. 409
 * {@code CONFLICT} is a duplicate whose id is only in the message ({@code Existing ID: 37765128953}); 401/403
 * are configuration errors because a private-app token cannot be refreshed; 429 carries {@code policyName}.
 */
@Singleton
public class HubSpotErrorMapper extends ZohoErrorMapper {
    private static final Pattern EXISTING_ID = Pattern.compile("Existing ID:\\s*(\\d+)");

    @Inject
    public HubSpotErrorMapper(JsonMapper json) {
        this(json, Clock.systemUTC());
    }

    public HubSpotErrorMapper(JsonMapper json, Clock clock) {
        super(ZohoProduct.HUBSPOT, json, clock);
    }

    @Override
    protected ZohoApiException mapEnvelope(@Nullable String org, int status, Map<String, Object> body,
                                           @Nullable Duration retryAfter) {
        String code = codeOf(body);
        code = code == null ? "HTTP_" + status : code;
        String message = messageOf(body);
        message = message == null ? code : message;
        if (status == 409) {
            Matcher m = EXISTING_ID.matcher(message);
            return new ZohoDuplicateException(product, org, status, code, message, m.find() ? m.group(1) : null, null,
                    body);
        }
        if (status == 401 || status == 403) {
            return authFailure(org, status, code, message, body);
        }
        if (status == 404) {
            return new ZohoNotFoundException(product, org, status, code, message, null, body, null);
        }
        return new ZohoValidationException(product, org, status, code, message, null, body);
    }

    @Override
    protected String rateLimitCode(@Nullable Map<String, Object> body) {
        String policy = str(body, "policyName");
        return policy != null ? "RATE_LIMIT_" + policy : "RATE_LIMIT";
    }

    @Override
    protected @Nullable String codeOf(Map<String, Object> body) {
        String category = str(body, "category");
        return category != null ? category : str(body, "errorType");
    }

    @Override
    protected @Nullable String messageOf(Map<String, Object> body) {
        return str(body, "message");
    }
}
