package io.zsync.dashboard.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The source records that led to one target id, so lineage can be found from either end. A target normally has
 * one source; merges and conflicts may give it a few, and the list is capped so a hot target cannot grow without
 * bound.
 *
 * @param links distinct links, oldest first
 */
public record TargetIndex(List<TargetLink> links) {

    public static final int MAX_LINKS = 50;

    public TargetIndex {
        links = links == null ? List.of() : List.copyOf(links);
    }

    public static TargetIndex empty() {
        return new TargetIndex(List.of());
    }

    public TargetIndex with(TargetLink link) {
        if (links.contains(link)) {
            return this;
        }
        List<TargetLink> next = new ArrayList<>(links);
        next.add(link);
        while (next.size() > MAX_LINKS) {
            next.remove(0);
        }
        return new TargetIndex(next);
    }

    /** One link per target of the outcome. */
    public static List<TargetLink> linksOf(Outcome o) {
        return o.targets().stream()
                .filter(t -> t.recordId() != null && !t.recordId().isBlank())
                .map(t -> new TargetLink(t.system(), t.entityType(), t.recordId(), o.recordId(), o.flowId()))
                .toList();
    }
}
