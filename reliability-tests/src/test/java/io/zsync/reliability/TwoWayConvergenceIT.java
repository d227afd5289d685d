package io.zsync.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zsync.contract.SyncCompleted;
import io.zsync.contract.SyncStatus;
import io.zsync.contract.SystemId;
import io.zsync.contract.TargetAction;
import io.zsync.contract.TargetRef;
import io.zsync.schemas.Topics;
import io.zsync.stack.SandboxDefaults;
import io.zsync.sync.TopicProbe;
import io.zsync.sync.it.ZohoStack;
import io.zsync.testing.RealKafka;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two-way convergence: contacts created in CRM and linked in HubSpot by external-sync-service (a real process,
 * webhooks only: the hourly batch is off) are then edited by people on both sides, a third in CRM only, a third in
 * HubSpot only, a third on both sides close together (different fields, or the same field, which the conflict rule
 * settles), with every webhook flowing, the echoes of the service's own writes included. Figures once every
 * contact is quiet: target writes per real change (must be ≤ 1, in total and for every contact), contacts that
 * keep producing SUCCEEDED completions after quiet (loops, must be 0), contacts whose synced fields differ between
 * CRM and HubSpot (must be 0), and edits that are on neither side at the end although no conflict overruled them
 * (lost changes, must be 0). The number of contacts comes from {@code reliability.convergence.contacts}.
 */
@RealKafka
class TwoWayConvergenceIT {

    private static final Logger LOG = LoggerFactory.getLogger(TwoWayConvergenceIT.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CRM_FLOW = "crm-contact-to-external";
    private static final String EXTERNAL_FLOW = "external-contact-to-crm";
    /** No completion for this long counts as quiet: several seconds, well above one webhook's round trip. */
    private static final Duration QUIET = Duration.ofSeconds(8);
    /** How long a quiet pair is watched for a completion that should no longer come. */
    private static final Duration LOOP_WATCH = Duration.ofSeconds(12);
    private static final Set<TargetAction> WRITES = EnumSet.of(TargetAction.CREATED, TargetAction.UPDATED, TargetAction.DELETED);

    /**
     * The shared fields as external-sync-service maps them (domain {@code ContactField}, {@code CrmContactMapping},
     * {@code HubSpotMapping} with the default {@code Account_Name} lookup): key, CRM field, HubSpot property. This
     * module runs the service as a process and does not link its classes, so the table is repeated here.
     */
    private static final List<String[]> FIELDS = List.of(
            new String[] {"firstName", "First_Name", "firstname"},
            new String[] {"lastName", "Last_Name", "lastname"},
            new String[] {"email", "Email", "email"},
            new String[] {"phone", "Phone", "phone"},
            new String[] {"company", "Account_Name", "company"});

    /** How a contact is edited in the second phase. */
    enum Edit {
        CRM_ONLY(1), HUBSPOT_ONLY(1), BOTH_DIFFERENT_FIELDS(2), BOTH_SAME_FIELD(2);

        final int realChanges;

        Edit(int realChanges) {
            this.realChanges = realChanges;
        }
    }

    /** One contact of the run: its ids on both sides and the people's edits (field key → value). */
    record Pair(int index, String crmId, String hubspotId, Edit edit, Map<String, String> crmEdit,
                Map<String, String> hubspotEdit) {
    }

    @Test
    void shouldConvergeWithAtMostOneWritePerRealChangeAndNoLoop() {
        int contacts = Integer.getInteger("reliability.convergence.contacts", 40);
        Instant began = Instant.now();
        ZohoStack zoho = ZohoStack.get();
        requireHubSpotWebhooks(zoho);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> settings = new HashMap<>();
        // webhooks only: the hourly batch never fires during the run and the org has no batch
        settings.put("zsync.external-sync.batch.cron", "0 0 0 1 1 *");
        settings.put("zsync.external-sync.orgs." + ZohoStack.ORG + ".batch-enabled", "false");
        settings.put("zsync.sync.retry-base", "200ms");
        settings.put("zsync.sync.retry-cap", "5s");
        try (TopicProbe<SyncCompleted> completions = new TopicProbe<>(Topics.SYNC_COMPLETIONS);
             ServiceUnderTest service = new ServiceUnderTest("external-sync-service",
                     "io.zsync.externalsync.ExternalSyncApplication", settings)) {
            service.start(0);

            // Phase 1: a CRM user creates the contacts; the service links each to a new HubSpot contact.
            List<String> crmIds = createCrmContacts(zoho, run, contacts);
            Map<String, String> hubspotIds = new LinkedHashMap<>();
            awaitOrFail(Duration.ofMinutes(2).plusMillis(400L * contacts), () -> {
                Map<String, List<SyncCompleted>> byRecord = byRecord(completions, CRM_FLOW);
                for (String crmId : crmIds) {
                    if (!hubspotIds.containsKey(crmId)) {
                        byRecord.getOrDefault(crmId, List.of()).stream()
                                .flatMap(c -> c.getTargets().stream())
                                .filter(t -> t.getSystem() == SystemId.HUBSPOT && t.getAction() == TargetAction.CREATED)
                                .findFirst().ifPresent(t -> hubspotIds.put(crmId, t.getRecordId()));
                    }
                }
                return hubspotIds.size() == contacts;
            }, () -> "linked " + hubspotIds.size() + " of " + contacts + " contacts");
            Set<String> crmSide = Set.copyOf(crmIds);
            Set<String> hubspotSide = Set.copyOf(hubspotIds.values());
            Predicate<SyncCompleted> ours = c -> (c.getFlowId().equals(CRM_FLOW) && crmSide.contains(c.getSource().getRecordId()))
                    || (c.getFlowId().equals(EXTERNAL_FLOW) && hubspotSide.contains(c.getSource().getRecordId()));
            // every echo of the linking is done before the edits
            assertThat(awaitQuiet(completions, ours, Duration.ofMinutes(2).plusMillis(200L * contacts)))
                    .as("completions of the contacts quiet after linking").isTrue();
            // so is whatever else the shared topics still hold (other suites' records), or the sandbox's counters
            // would count more than this run's writes and only the completions can be used
            boolean countersOurs = awaitQuiet(completions, c -> true, Duration.ofMinutes(1));
            assertThat(differing(zoho, crmIds, hubspotIds)).as("contacts that differ right after linking").isEmpty();

            // Phase 2: people edit both sides, with every webhook (echoes included) flowing.
            int mark = completions.values(c -> true).size();
            zoho.sandbox("DELETE", "/_sandbox/calls", null);
            List<Pair> pairs = new ArrayList<>();
            for (int i = 0; i < contacts; i++) {
                String crmId = crmIds.get(i);
                pairs.add(edit(zoho, run, i, crmId, hubspotIds.get(crmId)));
            }
            Instant edited = Instant.now();
            // each edited side's change has reached its flow at least once
            awaitOrFail(Duration.ofMinutes(2).plusMillis(600L * contacts), () -> {
                List<SyncCompleted> since = since(completions, mark, ours);
                Set<String> crmDone = since.stream().filter(c -> c.getFlowId().equals(CRM_FLOW))
                        .map(c -> c.getSource().getRecordId()).collect(Collectors.toSet());
                Set<String> hubDone = since.stream().filter(c -> c.getFlowId().equals(EXTERNAL_FLOW))
                        .map(c -> c.getSource().getRecordId()).collect(Collectors.toSet());
                return pairs.stream().allMatch(p -> (p.crmEdit().isEmpty() || crmDone.contains(p.crmId()))
                        && (p.hubspotEdit().isEmpty() || hubDone.contains(p.hubspotId())));
            }, () -> "edits not yet processed");
            boolean quiet = awaitQuiet(completions, ours, Duration.ofMinutes(2).plusMillis(300L * contacts));
            Duration toQuiet = Duration.between(edited, Instant.now()).minus(quiet ? QUIET : Duration.ZERO);

            // Loops: nothing more may come for a quiet pair.
            int quietMark = completions.values(c -> true).size();
            await().pollInterval(Duration.ofSeconds(1)).during(LOOP_WATCH).atMost(LOOP_WATCH.plusSeconds(10))
                    .until(() -> completions.values(c -> true) != null);
            Set<String> looping = since(completions, quietMark, ours).stream()
                    .filter(c -> c.getStatus() == SyncStatus.SUCCEEDED)
                    .map(c -> c.getSource().getRecordId()).collect(Collectors.toCollection(HashSet::new));

            // Writes per real change, from the completions, cross-checked with the sandbox's counters.
            JsonNode calls = zoho.sandbox("GET", "/_sandbox/calls", null);
            List<SyncCompleted> phase = since(completions, mark, ours);
            Map<String, String> crmIdByHubspotId = new HashMap<>();
            hubspotIds.forEach((crmId, hubspotId) -> crmIdByHubspotId.put(hubspotId, crmId));
            Map<String, Integer> writesPerPair = new HashMap<>();
            long hubspotWrites = 0;
            long crmWrites = 0;
            for (SyncCompleted c : phase) {
                if (c.getStatus() != SyncStatus.SUCCEEDED) {
                    continue;
                }
                for (TargetRef t : c.getTargets()) {
                    if (WRITES.contains(t.getAction())) {
                        String crmId = c.getFlowId().equals(CRM_FLOW) ? c.getSource().getRecordId()
                                : crmIdByHubspotId.get(c.getSource().getRecordId());
                        writesPerPair.merge(crmId, 1, Integer::sum);
                        if (t.getSystem() == SystemId.HUBSPOT) {
                            hubspotWrites++;
                        } else {
                            crmWrites++;
                        }
                    }
                }
            }
            // the HubSpot user edits through the sandbox's UI endpoints, which are not counted: every HubSpot call is
            // the service's; the CRM user edits one record at a time, the service in batches (PUT /Contacts)
            long hubspotPatches = endpointCalls(calls, "hubspot", "PATCH /crm/v3/objects/contacts/{id}");
            long hubspotCreates = endpointCalls(calls, "hubspot", "POST /crm/v3/objects/contacts");
            long crmUpdateCalls = endpointCalls(calls, "crm", "PUT /crm/v8/Contacts");
            LOG.info("sandbox calls during the edits: HubSpot {}, CRM {}", calls.path("products").path("hubspot").path("endpoints"),
                    calls.path("products").path("crm").path("endpoints"));
            // HubSpot's counter sees every write the service sent, even one whose completion was lost to a retry
            long writes = (countersOurs ? Math.max(hubspotWrites, hubspotPatches + hubspotCreates) : hubspotWrites) + crmWrites;
            int realChanges = pairs.stream().mapToInt(p -> p.edit().realChanges).sum();
            List<String> overspent = pairs.stream()
                    .filter(p -> writesPerPair.getOrDefault(p.crmId(), 0) > p.edit().realChanges)
                    .map(p -> p.crmId() + "/" + p.hubspotId() + " " + p.edit() + ": "
                            + writesPerPair.get(p.crmId()) + " writes").toList();
            long failed = phase.stream().filter(c -> c.getStatus() == SyncStatus.FAILED).count();
            long conflicts = phase.stream().filter(c -> c.getDetails().containsKey("conflicts")).count();

            // The end state, read through both products' APIs.
            Map<String, String> differing = differing(zoho, crmIds, hubspotIds);
            List<String> lost = lostChanges(zoho, pairs);
            double perChange = realChanges == 0 ? 0 : (double) writes / realChanges;
            LOG.info("convergence run {}: {} contacts, {} real changes, {} target writes (HubSpot {} by completions, {} PATCH "
                            + "+ {} POST at the sandbox; CRM {} by completions in {} batched PUT calls), {} writes per real "
                            + "change, {} contacts over one write per change, {} conflicts settled, {} FAILED, {} looping, "
                            + "{} differ, {} lost changes; quiet {} s after the last edit{}; {} s in all{}",
                    run, contacts, realChanges, writes, hubspotWrites, hubspotPatches, hubspotCreates, crmWrites,
                    crmUpdateCalls, String.format(Locale.ROOT, "%.3f", perChange), overspent.size(), conflicts, failed,
                    looping.size(), differing.size(), lost.size(), toQuiet.toSeconds(), quiet ? "" : " (never quiet)",
                    Duration.between(began, Instant.now()).toSeconds(),
                    countersOurs ? "" : " (other records were still syncing: the sandbox's counters are not used)");

            String evidence = describe(completions, mark, ours, overspent, looping, differing, lost, hubspotIds);
            assertThat(quiet).as("the contacts went quiet after the edits" + evidence).isTrue();
            assertThat(looping).as("contacts still producing SUCCEEDED completions after quiet" + evidence).isEmpty();
            assertThat(differing).as("contacts whose synced fields differ between CRM and HubSpot" + evidence).isEmpty();
            assertThat(lost).as("edits on neither side at the end, no conflict having overruled them" + evidence).isEmpty();
            assertThat(failed).as("FAILED completions" + evidence).isZero();
            assertThat(perChange).as("target writes per real change" + evidence).isLessThanOrEqualTo(1.0);
            assertThat(overspent).as("contacts with more target writes than real changes" + evidence).isEmpty();
        }
    }

    // ------------------------------------------------------------------ the people

    private static List<String> createCrmContacts(ZohoStack zoho, String run, int contacts) {
        List<String> ids = new ArrayList<>();
        for (int from = 0; from < contacts; from += 100) {
            ArrayNode data = JSON.createArrayNode();
            for (int i = from; i < Math.min(contacts, from + 100); i++) {
                data.addObject().put("First_Name", "Conv").put("Last_Name", "Contact " + run + "-" + i)
                        .put("Email", "conv." + run + "." + i + "@example.com").put("Phone", "555-0" + (1000 + i));
            }
            ObjectNode body = JSON.createObjectNode();
            body.set("data", data);
            JsonNode written = zoho.zoho("POST", "/crm/v8/Contacts", body.toString());
            written.path("data").forEach(r -> {
                assertThat(r.path("status").asText()).as(r.toString()).isEqualTo("success");
                ids.add(r.path("details").path("id").asText());
            });
        }
        assertThat(ids).hasSize(contacts);
        return ids;
    }

    /**
     * The people's edits of contact {@code i}: CRM only, HubSpot only, both sides on different fields, both sides
     * on the same field (CRM first, HubSpot right after, so both are usually made before either is synced).
     */
    private static Pair edit(ZohoStack zoho, String run, int i, String crmId, String hubspotId) {
        Edit kind = switch (i % 3) {
            case 0 -> Edit.CRM_ONLY;
            case 1 -> Edit.HUBSPOT_ONLY;
            default -> (i / 3) % 2 == 0 ? Edit.BOTH_DIFFERENT_FIELDS : Edit.BOTH_SAME_FIELD;
        };
        Map<String, String> crm = new LinkedHashMap<>();
        Map<String, String> hub = new LinkedHashMap<>();
        switch (kind) {
            case CRM_ONLY -> {
                if ((i / 3) % 2 == 0) {
                    crm.put("phone", "555-1" + (1000 + i));
                } else {
                    crm.put("lastName", "Crm " + run + "-" + i);
                }
            }
            case HUBSPOT_ONLY -> {
                if ((i / 3) % 2 == 0) {
                    hub.put("lastName", "Hub " + run + "-" + i);
                } else {
                    hub.put("company", "Hub Co " + run + "-" + i); // becomes an Account_Name lookup in CRM
                }
            }
            case BOTH_DIFFERENT_FIELDS -> {
                crm.put("firstName", "CrmFirst" + i);
                hub.put("phone", "555-2" + (1000 + i));
            }
            case BOTH_SAME_FIELD -> {
                crm.put("firstName", "CrmFirst" + i);
                hub.put("firstName", "HubFirst" + i);
            }
        }
        if (!crm.isEmpty()) {
            ObjectNode record = JSON.createObjectNode();
            crm.forEach((key, value) -> record.put(field(key)[1], value));
            ObjectNode body = JSON.createObjectNode();
            body.putArray("data").add(record);
            JsonNode answer = zoho.zoho("PUT", "/crm/v8/Contacts/" + crmId, body.toString());
            assertThat(answer.path("data").path(0).path("status").asText()).as(String.valueOf(answer)).isEqualTo("success");
        }
        if (!hub.isEmpty()) {
            ObjectNode properties = JSON.createObjectNode();
            hub.forEach((key, value) -> properties.put(field(key)[2], value));
            ObjectNode body = JSON.createObjectNode();
            body.set("properties", properties);
            zoho.sandbox("PATCH", "/_sandbox/hubspot/contacts/" + hubspotId, body.toString());
        }
        return new Pair(i, crmId, hubspotId, kind, crm, hub);
    }

    /**
     * The shared sandbox harness ignores a refused HubSpot subscription (see external-sync-service's ITs): without
     * one, no HubSpot webhook would ever be delivered and the run would prove nothing.
     */
    private static void requireHubSpotWebhooks(ZohoStack zoho) {
        JsonNode subscriptions = zoho.sandbox("GET", "/_sandbox/webhooks", null).path("hubspot");
        if (subscriptions.isArray() && !subscriptions.isEmpty()) {
            return;
        }
        JsonNode created = zoho.sandbox("POST", "/_sandbox/webhooks/hubspot", """
                {"url":"%s/webhooks/hubspot","clientSecret":"%s","portalId":%s}"""
                .formatted(zoho.gatewayUrl(), SandboxDefaults.HUBSPOT_CLIENT_SECRET, SandboxDefaults.HUBSPOT_PORTAL_ID));
        assertThat(created.has("id")).as("HubSpot webhook subscription: " + created).isTrue();
    }

    // ------------------------------------------------------------------ the end state

    /** Contacts whose shared fields differ between the two sides (CRM id → what differs). */
    private static Map<String, String> differing(ZohoStack zoho, List<String> crmIds, Map<String, String> hubspotIds) {
        Map<String, Map<String, String>> crm = crmValues(zoho, crmIds);
        Map<String, Map<String, String>> hub = hubspotValues(zoho);
        Map<String, String> differing = new LinkedHashMap<>();
        for (String crmId : crmIds) {
            Map<String, String> c = crm.get(crmId);
            Map<String, String> h = hub.get(hubspotIds.get(crmId));
            if (c == null || h == null) {
                differing.put(crmId, (c == null ? "no CRM contact " : "") + (h == null ? "no HubSpot contact" : ""));
                continue;
            }
            List<String> fields = new ArrayList<>();
            for (String[] f : FIELDS) {
                if (!same(f[0], c.get(f[0]), h.get(f[0]))) {
                    fields.add(f[0] + " CRM=" + c.get(f[0]) + " HubSpot=" + h.get(f[0]));
                }
            }
            if (!fields.isEmpty()) {
                differing.put(crmId, String.join(", ", fields));
            }
        }
        return differing;
    }

    /** Edits that are not what both sides hold, unless a conflict on the same field let the other side's edit win. */
    private static List<String> lostChanges(ZohoStack zoho, List<Pair> pairs) {
        Map<String, Map<String, String>> crm = crmValues(zoho, pairs.stream().map(Pair::crmId).toList());
        List<String> lost = new ArrayList<>();
        for (Pair p : pairs) {
            Map<String, String> now = crm.getOrDefault(p.crmId(), Map.of());
            Map<String, Set<String>> allowed = new HashMap<>();
            p.crmEdit().forEach((k, v) -> allowed.computeIfAbsent(k, x -> new HashSet<>()).add(v));
            p.hubspotEdit().forEach((k, v) -> allowed.computeIfAbsent(k, x -> new HashSet<>()).add(v));
            allowed.forEach((key, values) -> {
                if (values.stream().noneMatch(v -> same(key, v, now.get(key)))) {
                    lost.add(p.crmId() + " " + p.edit() + " " + key + "=" + now.get(key) + ", expected one of " + values);
                }
            });
        }
        return lost;
    }

    private static Map<String, Map<String, String>> crmValues(ZohoStack zoho, List<String> crmIds) {
        String fields = FIELDS.stream().map(f -> f[1]).collect(Collectors.joining(","));
        Map<String, Map<String, String>> values = new HashMap<>();
        for (int from = 0; from < crmIds.size(); from += 100) {
            String ids = String.join(",", crmIds.subList(from, Math.min(crmIds.size(), from + 100)));
            JsonNode answer = zoho.zoho("GET", "/crm/v8/Contacts?fields=" + fields + "&ids=" + ids, null);
            if (answer == null) {
                continue;
            }
            answer.path("data").forEach(r -> {
                Map<String, String> v = new HashMap<>();
                for (String[] f : FIELDS) {
                    JsonNode value = r.path(f[1]);
                    v.put(f[0], value.isObject() ? text(value.path("name")) : text(value));
                }
                values.put(r.path("id").asText(), v);
            });
        }
        return values;
    }

    /** Every live HubSpot contact, listed a hundred at a time (a handful of calls, far from HubSpot's burst limit). */
    private static Map<String, Map<String, String>> hubspotValues(ZohoStack zoho) {
        String properties = FIELDS.stream().map(f -> f[2]).collect(Collectors.joining(","));
        Map<String, Map<String, String>> values = new HashMap<>();
        String after = null;
        do {
            JsonNode page = zoho.hubspot("GET", "/crm/v3/objects/contacts?limit=100&properties=" + properties
                    + (after == null ? "" : "&after=" + after), null);
            page.path("results").forEach(r -> {
                Map<String, String> v = new HashMap<>();
                for (String[] f : FIELDS) {
                    v.put(f[0], text(r.path("properties").path(f[2])));
                }
                values.put(r.path("id").asText(), v);
            });
            JsonNode next = page.path("paging").path("next").path("after");
            after = next.isMissingNode() || next.isNull() ? null : next.asText();
        } while (after != null);
        return values;
    }

    private static String[] field(String key) {
        return FIELDS.stream().filter(f -> f[0].equals(key)).findFirst().orElseThrow();
    }

    private static String text(JsonNode value) {
        return value == null || value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    /** Compared as the service compares (ContactField.comparable): trimmed, whitespace collapsed, blank as absent, e-mail case-insensitive. */
    private static boolean same(String key, String a, String b) {
        String x = comparable(key, a);
        String y = comparable(key, b);
        return x == null ? y == null : x.equals(y);
    }

    private static String comparable(String key, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String collapsed = value.strip().replaceAll("\\s+", " ");
        return key.equals("email") ? collapsed.toLowerCase(Locale.ROOT) : collapsed;
    }

    // ------------------------------------------------------------------ completions and the sandbox's counters

    private static Map<String, List<SyncCompleted>> byRecord(TopicProbe<SyncCompleted> completions, String flow) {
        return completions.values(c -> c.getFlowId().equals(flow)).stream()
                .collect(Collectors.groupingBy(c -> c.getSource().getRecordId()));
    }

    /** The completions seen after the first {@code mark} ones (the probe keeps them in arrival order) that match. */
    private static List<SyncCompleted> since(TopicProbe<SyncCompleted> completions, int mark, Predicate<SyncCompleted> which) {
        List<SyncCompleted> all = completions.values(c -> true);
        return all.subList(Math.min(mark, all.size()), all.size()).stream().filter(which).toList();
    }

    /** Waits until no matching completion has come for {@link #QUIET}; false when that never happened. */
    private static boolean awaitQuiet(TopicProbe<SyncCompleted> completions, Predicate<SyncCompleted> which, Duration atMost) {
        int[] last = {-1};
        Instant[] changed = {Instant.now()};
        try {
            await().atMost(atMost).pollInterval(Duration.ofSeconds(1)).until(() -> {
                int now = completions.values(which).size();
                if (now != last[0]) {
                    last[0] = now;
                    changed[0] = Instant.now();
                    return false;
                }
                return Duration.between(changed[0], Instant.now()).compareTo(QUIET) >= 0;
            });
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    private static void awaitOrFail(Duration atMost, java.util.concurrent.Callable<Boolean> condition,
                                    java.util.function.Supplier<String> progress) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofSeconds(1)).until(condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("timed out after " + atMost + ": " + progress.get(), e);
        }
    }

    private static long endpointCalls(JsonNode calls, String product, String endpoint) {
        return calls.path("products").path(product).path("endpoints").path(endpoint).asLong(0);
    }

    /** The CRM id of a HubSpot contact of the run (hubspotIds maps CRM id → HubSpot id). */
    private static String crmIdOf(Map<String, String> hubspotIds, String hubspotId) {
        return hubspotIds.entrySet().stream().filter(e -> e.getValue().equals(hubspotId)).map(Map.Entry::getKey)
                .findFirst().orElse(hubspotId);
    }

    /** The completions of the first few contacts a figure names, for the assertion message. */
    private static String describe(TopicProbe<SyncCompleted> completions, int mark, Predicate<SyncCompleted> ours,
                                   List<String> overspent, Set<String> looping, Map<String, String> differing,
                                   List<String> lost, Map<String, String> hubspotIds) {
        Set<String> crmIds = new java.util.LinkedHashSet<>();
        overspent.stream().limit(3).forEach(s -> crmIds.add(s.substring(0, s.indexOf('/'))));
        looping.stream().limit(3).forEach(id -> crmIds.add(crmIdOf(hubspotIds, id)));
        differing.keySet().stream().limit(3).forEach(crmIds::add);
        lost.stream().limit(3).forEach(s -> crmIds.add(s.substring(0, s.indexOf(' '))));
        if (crmIds.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\noverspent: ").append(overspent.stream().limit(10).toList())
                .append("\nlooping: ").append(looping.stream().limit(10).toList())
                .append("\ndiffering: ").append(differing.entrySet().stream().limit(10).toList())
                .append("\nlost: ").append(lost.stream().limit(10).toList());
        for (String crmId : crmIds) {
            String hubspotId = hubspotIds.get(crmId);
            out.append("\n-- contact ").append(crmId).append(" / ").append(hubspotId);
            for (SyncCompleted c : since(completions, mark, ours)) {
                String record = c.getSource().getRecordId();
                if (record.equals(crmId) || record.equals(hubspotId)) {
                    out.append("\n  ").append(c.getFlowId()).append(' ').append(c.getStatus())
                            .append(c.getSkipReason() == null ? "" : " skip=" + c.getSkipReason())
                            .append(c.getErrorCode() == null ? "" : " error=" + c.getErrorCode() + " " + c.getErrorMessage())
                            .append(" targets=").append(c.getTargets().stream()
                                    .map(t -> t.getSystem() + ":" + t.getAction()).toList())
                            .append(" details=").append(c.getDetails());
                }
            }
        }
        return out.toString();
    }
}
