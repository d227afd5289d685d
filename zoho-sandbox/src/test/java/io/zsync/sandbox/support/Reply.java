package io.zsync.sandbox.support;

import java.util.List;
import java.util.Map;

/** A response as the test saw it on the wire: status, headers and the raw body (parsed on demand). */
public record Reply(int status, Map<String, List<String>> headers, String body, Object json) {

    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map() {
        return (Map<String, Object>) json;
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list(String key) {
        return (List<Map<String, Object>>) map().get(key);
    }

    /** data[index] of a Zoho {"data":[…]} envelope. */
    public Map<String, Object> data(int index) {
        return list("data").get(index);
    }
}
