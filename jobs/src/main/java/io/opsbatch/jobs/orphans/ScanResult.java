package io.opsbatch.jobs.orphans;

import java.util.List;
import java.util.Map;

/**
 * What a scan of one rule found.
 *
 * @param count how many orphans
 * @param keys the smallest keys, at most the rule's {@link OrphanRule#keysKept()}, in key order
 * @param strategy the strategy used
 * @param listQuery how to list every orphan
 */
public record ScanResult(long count, List<Map<String, Object>> keys, ScanStrategy strategy, String listQuery) {
}
