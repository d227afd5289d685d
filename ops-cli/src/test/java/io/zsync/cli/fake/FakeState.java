package io.zsync.cli.fake;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the fakes answer and what they were asked, set and read by the tests. */
@Singleton
public class FakeState {
    /** Dashboard: the JSON array returned by GET /api/dead-letters. */
    public volatile String deadLetters = "[]";
    /** Dashboard: lineage JSON by record id. */
    public final Map<String, String> lineage = new ConcurrentHashMap<>();
    /** Dashboard: ids posted to /redrive, with their body. */
    public final List<String> redriven = new CopyOnWriteArrayList<>();
    /** Dashboard: query strings of dead-letter lists. */
    public final List<String> deadLetterQueries = new CopyOnWriteArrayList<>();
    /** Dashboard: ids whose redrive answers 409. */
    public final List<String> conflicting = new CopyOnWriteArrayList<>();

    /** CRM: records of each module as JSON objects. */
    public final Map<String, List<String>> crmRecords = new ConcurrentHashMap<>();
    /** Books: contacts as JSON objects. */
    public final List<String> booksContacts = new CopyOnWriteArrayList<>();
    /** CRM: channels as JSON objects. */
    public final List<String> channels = new CopyOnWriteArrayList<>();
    /** CRM: bodies of watch calls, prefixed with the method. */
    public final List<String> watchCalls = new CopyOnWriteArrayList<>();

    public void reset() {
        deadLetters = "[]";
        lineage.clear();
        redriven.clear();
        deadLetterQueries.clear();
        conflicting.clear();
        crmRecords.clear();
        booksContacts.clear();
        channels.clear();
        watchCalls.clear();
    }
}
