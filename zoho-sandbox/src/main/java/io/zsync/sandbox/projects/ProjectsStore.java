package io.zsync.sandbox.projects;

import io.zsync.sandbox.core.IdGenerator;
import io.zsync.sandbox.core.Json;
import io.zsync.sandbox.core.Product;
import io.zsync.sandbox.core.Resettable;
import io.zsync.sandbox.core.SandboxClock;
import io.zsync.sandbox.core.SandboxConfig;
import io.zsync.sandbox.core.ServerInfo;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Zoho Projects tasks (§7): {@code name} required, dates given in the input format (v1 MM-DD-YYYY, v3
 * yyyy-MM-dd) and returned as portal-format text plus {@code *_long} epoch millis, numeric {@code id}
 * with {@code id_string}, a {@code link.self.url}, and custom fields by column or label.
 */
@Singleton
public class ProjectsStore implements Resettable {

    private static final List<String> PRIORITIES = List.of("None", "Low", "Medium", "High");

    private final Map<String, Map<String, Object>> tasks = new LinkedHashMap<>();
    private final ProjectsConfig config;
    private final IdGenerator ids;
    private final SandboxClock clock;
    private final ServerInfo server;
    private final ZoneId zone;
    private final Json json;

    public ProjectsStore(ProjectsConfig config, IdGenerator ids, SandboxClock clock, ServerInfo server, SandboxConfig sandbox,
                         Json json) {
        this.json = json;
        this.config = config;
        this.ids = ids;
        this.clock = clock;
        this.server = server;
        this.zone = sandbox.zone();
    }

    public synchronized Map<String, Object> create(String project, Map<String, Object> input, DateTimeFormatter inputDates) {
        if (input.get("name") == null || String.valueOf(input.get("name")).isBlank()) {
            throw new ProjectsException(400, 6831, "Input Parameter Missing: name");
        }
        String id = ids.next(Product.PROJECTS);
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("id", Long.parseLong(id));
        task.put("id_string", id);
        task.put("project_id", project);
        task.put("name", null);
        task.put("description", null);
        task.put("completed", false);
        task.put("created_by", config.userId());
        task.put("created_person", config.userName());
        task.put("priority", "None");
        task.put("percent_complete", 0);
        task.put("duration", null);
        task.put("duration_type", "days");
        task.put("details", Json.obj("owners", List.of(Json.obj("name", config.userName(), "id", config.userId()))));
        String self = server.baseUrl() + "/restapi/portal/" + config.portalId() + "/projects/" + project + "/tasks/" + id + "/";
        task.put("link", Json.obj("self", Json.obj("url", self), "timesheet", Json.obj("url", self + "logs/")));
        task.put("tasklist", Json.obj("id", Long.parseLong(config.tasklistId()), "name", "General"));
        task.put("subtasks", false);
        task.put("status", Json.obj("name", "Open", "type", "open", "id", "1", "color_code", "#74cb80"));
        task.put("custom_fields", new ArrayList<>());
        task.put("created_time_long", clock.nowMillis());
        apply(task, input, inputDates);
        tasks.put(id, task);
        return Json.copy(task);
    }

    public synchronized Map<String, Object> update(String project, String taskId, Map<String, Object> input,
                                                   DateTimeFormatter inputDates) {
        Map<String, Object> task = find(project, taskId);
        if (input.containsKey("name") && String.valueOf(input.get("name")).isBlank()) {
            throw new ProjectsException(400, 6831, "Input Parameter Missing: name");
        }
        apply(task, input, inputDates);
        return Json.copy(task);
    }

    public synchronized Map<String, Object> get(String project, String taskId) {
        return Json.copy(find(project, taskId));
    }

    public synchronized void delete(String project, String taskId) {
        find(project, taskId);
        tasks.remove(taskId);
    }

    public synchronized List<Map<String, Object>> list(String project) {
        return tasks.values().stream().filter(t -> project.equals(t.get("project_id"))).map(Json::copy).toList();
    }

    public boolean isPortal(String portal) {
        return config.portalId().equals(portal);
    }

    public boolean isProject(String project) {
        return config.projects().contains(project);
    }

    @Override
    public synchronized void reset(boolean all) {
        tasks.clear();
    }

    private Map<String, Object> find(String project, String taskId) {
        Map<String, Object> task = tasks.get(taskId);
        if (task == null || !project.equals(task.get("project_id"))) {
            throw new ProjectsException(404, 6404, "Resource Not Found");
        }
        return task;
    }

    private void apply(Map<String, Object> task, Map<String, Object> input, DateTimeFormatter inputDates) {
        for (String key : List.of("name", "description", "duration", "duration_type")) {
            if (input.containsKey(key)) {
                task.put(key, input.get(key));
            }
        }
        if (input.containsKey("priority")) {
            String priority = String.valueOf(input.get("priority"));
            String canonical = PRIORITIES.stream().filter(p -> p.equalsIgnoreCase(priority)).findFirst()
                    .orElseThrow(() -> new ProjectsException(400, 6832, "Input Parameter Does not Match the Pattern Specified: priority"));
            task.put("priority", canonical);
        }
        if (input.containsKey("percent_complete")) {
            try {
                int percent = Integer.parseInt(String.valueOf(input.get("percent_complete")));
                task.put("percent_complete", percent);
                task.put("completed", percent >= 100);
            } catch (NumberFormatException e) {
                throw new ProjectsException(400, 6832, "Input Parameter Does not Match the Pattern Specified: percent_complete");
            }
        }
        for (String key : List.of("start_date", "end_date")) {
            if (input.containsKey(key) && input.get(key) != null && !String.valueOf(input.get(key)).isBlank()) {
                LocalDate date;
                try {
                    date = LocalDate.parse(String.valueOf(input.get(key)), inputDates);
                } catch (DateTimeParseException e) {
                    throw new ProjectsException(400, 6832, "Input Parameter Does not Match the Pattern Specified: " + key);
                }
                DateTimeFormatter output = DateTimeFormatter.ofPattern(config.outputDateFormat(), Locale.ENGLISH);
                task.put(key, date.format(output));
                task.put(key + "_format", date.format(output) + " 12:00 AM");
                task.put(key + "_long", date.atStartOfDay(zone).toInstant().toEpochMilli());
            }
        }
        customFields(task, input.get("custom_fields"));
        config.customFieldLabels().keySet().stream().filter(input::containsKey)
                .forEach(column -> setCustomField(task, column, input.get(column)));
        task.put("last_updated_time_long", clock.nowMillis());
    }

    /** custom_fields as an object keyed by column, or a list of {column_name|label_name, value} [U]. */
    private void customFields(Map<String, Object> task, Object value) {
        if (value == null) {
            return;
        }
        Object parsed = value;
        if (value instanceof String text && !text.isBlank()) {
            try {
                parsed = json.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (Json.MalformedJsonException e) {
                throw new ProjectsException(400, 6832, "Input Parameter Does not Match the Pattern Specified: custom_fields");
            }
        }
        if (parsed instanceof Map<?, ?> map) {
            map.forEach((k, v) -> setCustomField(task, column(String.valueOf(k)), v));
        } else if (parsed instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> field) {
                    Object key = field.get("column_name") != null ? field.get("column_name") : field.get("label_name");
                    setCustomField(task, column(String.valueOf(key)), field.get("value"));
                }
            }
        } else {
            throw new ProjectsException(400, 6832, "Input Parameter Does not Match the Pattern Specified: custom_fields");
        }
    }

    private String column(String columnOrLabel) {
        Map<String, String> labels = config.customFieldLabels();
        if (labels.containsKey(columnOrLabel)) {
            return columnOrLabel;
        }
        return labels.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(columnOrLabel)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new ProjectsException(400, 6832, "Unknown custom field: " + columnOrLabel));
    }

    @SuppressWarnings("unchecked")
    private void setCustomField(Map<String, Object> task, String column, Object value) {
        List<Map<String, Object>> fields = (List<Map<String, Object>>) task.get("custom_fields");
        fields.removeIf(f -> column.equals(f.get("column_name")));
        fields.add(Json.obj("column_name", column, "label_name", config.customFieldLabels().get(column),
                "value", value == null ? null : String.valueOf(value)));
    }
}
