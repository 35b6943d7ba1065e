package io.opsbatch.platform.reconcile.support;

/**
 * One record of a side: its key and compared field values, JSON-friendly.
 *
 * @param key the key values, in key column order
 * @param fields the field values, in field order
 */
public record Row(Object[] key, Object[] fields) {
}
