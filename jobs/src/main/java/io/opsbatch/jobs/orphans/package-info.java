/**
 * Orphan scans: reviewed rules ({@code config/orphan-rules/*.yml}) name a child table, its foreign key and the parent
 * table. {@code orphans.scan} counts the child rows whose parent is gone, rates the count (0 OK, 1-5 INDIVIDUAL,
 * 6+ ISSUE by default), stores a finding per rule and files GitHub issues; it never writes to a target store.
 * {@code orphans cleanup} is an ordinary dry-run plan (delete, or null the foreign key) that goes through approve,
 * execute and rollback like a data fix.
 * <p>
 * Decisions: the pushdown scan is one anti-join ({@code NOT EXISTS}) that returns the kept keys with
 * {@code COUNT(*) OVER ()}; an {@code OFFSET 0 ROWS} fence keeps PostgreSQL on the bare query's parallel hash plan
 * (without it the outer ORDER BY made it probe the parent once per child row, 8x slower). The streaming scan (different databases, or forced)
 * merges child rows ordered by foreign key with parent keys ordered by key, holding one row per side; text keys are
 * ordered by code point ({@code COLLATE "C"} on PostgreSQL) and any input out of order fails the scan rather than
 * miscounting. Rows whose foreign key is NULL are not orphans.
 */
package io.opsbatch.jobs.orphans;
