package io.opsbatch.platform.reconcile.jdbc;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import io.opsbatch.platform.reconcile.Comparison;
import io.opsbatch.platform.reconcile.ComparisonCounts;
import io.opsbatch.platform.reconcile.ComparisonFailedException;
import io.opsbatch.platform.reconcile.Difference;
import io.opsbatch.platform.reconcile.DifferenceCursor;
import io.opsbatch.platform.reconcile.support.Row;
import io.opsbatch.platform.reconcile.support.RowComparator;
import io.opsbatch.platform.reconcile.support.SortedMerge;
import io.opsbatch.platform.reconcile.support.Tally;


/**
 * One bisection, depth first and left to right so that differences come in key order. Memory holds the pending
 * segments (at most {@code factor} per level) and the differences of one fetched segment.
 */
final class BisectCursor implements DifferenceCursor {

	/** COUNT and SUM of hashes of one bucket. */
	private record Checksum(long count, BigDecimal sum) {

		static final Checksum EMPTY = new Checksum(0, BigDecimal.ZERO);

	}

	/** A segment still to compare, with its row counts on each side. */
	private record Task(SideSql.Segment segment, long sourceRows, long derivedRows) {
	}

	private final Comparison comparison;

	private final SideSql source;

	private final SideSql derived;

	private final int factor;

	private final int threshold;

	private final int fetchSize;

	private final RowComparator comparator;

	private final ExecutorService pool;

	private final Deque<Task> pending = new ArrayDeque<>();

	private final Deque<Difference> ready = new ArrayDeque<>();

	private final Tally checksummed = new Tally();

	private ComparisonCounts fetched = ComparisonCounts.NONE;

	private boolean started;

	BisectCursor(Comparison comparison, SideSql source, SideSql derived, int factor, int threshold, int fetchSize) {
		this.comparison = comparison;
		this.source = source;
		this.derived = derived;
		this.factor = factor;
		this.threshold = threshold;
		this.fetchSize = fetchSize;
		this.comparator = new RowComparator(comparison.fields(), comparison.tolerance());
		this.pool = Executors.newFixedThreadPool(2, (runnable) -> {
			Thread thread = new Thread(runnable, "reconcile-bisect");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public Difference next() {
		if (!started) {
			started = true;
			start();
		}
		while (ready.isEmpty() && !pending.isEmpty()) {
			process(pending.pop());
		}
		return ready.poll();
	}

	@Override
	public ComparisonCounts counts() {
		return checksummed.counts().plus(fetched);
	}

	@Override
	public void close() {
		pool.shutdownNow();
	}

	private boolean integer() {
		return source.integerKey() && derived.integerKey();
	}

	private void start() {
		List<Object[]> bounds = both(() -> source.query(source.bounds()).get(0),
				() -> derived.query(derived.bounds()).get(0));
		Object[] s = bounds.get(0);
		Object[] d = bounds.get(1);
		requireNonNullKeys(source, s);
		requireNonNullKeys(derived, d);
		long sourceRows = ((Number) s[2]).longValue();
		long derivedRows = ((Number) d[2]).longValue();
		if (sourceRows + derivedRows == 0) {
			return;
		}
		if (!integer()) {
			pending.push(new Task(SideSql.Segment.ALL, sourceRows, derivedRows));
			return;
		}
		long lo = Math.min(longAt(s, 0, Long.MAX_VALUE), longAt(d, 0, Long.MAX_VALUE));
		long max = Math.max(longAt(s, 1, Long.MIN_VALUE), longAt(d, 1, Long.MIN_VALUE));
		Long hi = (max == Long.MAX_VALUE) ? null : max + 1;
		pending.push(new Task(new SideSql.Segment(lo, hi), sourceRows, derivedRows));
	}

	/** Key ranges never select a null key: refuse it instead of silently leaving its row out. */
	private void requireNonNullKeys(SideSql side, Object[] bounds) {
		if (((Number) bounds[2]).longValue() != ((Number) bounds[3]).longValue()) {
			throw ComparisonFailedException.nullKey(side.label, comparison.key());
		}
	}

	/**
	 * The width {@code hi - lo} of an integer segment, or -1 when it cannot be split by arithmetic: an open bound
	 * (the range ends at Long.MAX_VALUE) or a width beyond 2^63 - 1. Such a segment is split at quantiles, as text keys
	 * are, so no key arithmetic overflows, here or in the bucket expression.
	 */
	private static long span(SideSql.Segment segment) {
		if (!(segment.lo() instanceof Number lo) || !(segment.hi() instanceof Number hi)) {
			return -1;
		}
		try {
			return Math.max(0, Math.subtractExact(hi.longValue(), lo.longValue()));
		}
		catch (ArithmeticException ex) {
			return -1;
		}
	}

	private static long longAt(Object[] row, int index, long whenNull) {
		return (row[index] == null) ? whenNull : ((Number) row[index]).longValue();
	}

	private void process(Task task) {
		long rows = Math.max(task.sourceRows(), task.derivedRows());
		if (rows <= threshold) {
			fetch(task.segment());
			return;
		}
		int buckets = (int) Math.min(factor, Math.max(2, (rows + threshold - 1) / threshold));
		List<SideSql.Segment> segments = new ArrayList<>();
		List<Map<Long, Checksum>> sums;
		long span = integer() ? span(task.segment()) : -1;
		if (span >= 0) {
			long lo = ((Number) task.segment().lo()).longValue();
			long hi = ((Number) task.segment().hi()).longValue();
			if (span <= 1) {
				fetch(task.segment());
				return;
			}
			long width = span / buckets + ((span % buckets == 0) ? 0 : 1);
			for (long offset = 0;; offset += width) {
				long start = lo + offset;
				if (span - offset <= width) {
					segments.add(new SideSql.Segment(start, hi));
					break;
				}
				segments.add(new SideSql.Segment(start, start + width));
			}
			sums = both(() -> checksums(source, source.checksums(task.segment(), lo, width)),
					() -> checksums(derived, derived.checksums(task.segment(), lo, width)));
		}
		else {
			SideSql larger = (task.sourceRows() >= task.derivedRows()) ? source : derived;
			long step = Math.max(1, (rows + buckets - 1) / buckets);
			List<Object> boundaries = new ArrayList<>();
			for (Object[] row : larger.query(larger.quantiles(task.segment(), step))) {
				Object boundary = row[0];
				Object previous = boundaries.isEmpty() ? task.segment().lo() : boundaries.get(boundaries.size() - 1);
				if (previous == null || RowComparator.compareValues(boundary, previous) > 0) {
					boundaries.add(boundary);
				}
			}
			if (boundaries.isEmpty()) {
				fetch(task.segment());
				return;
			}
			segments.add(new SideSql.Segment(task.segment().lo(), boundaries.get(0)));
			for (int i = 0; i < boundaries.size(); i++) {
				segments.add(new SideSql.Segment(boundaries.get(i),
						(i + 1 < boundaries.size()) ? boundaries.get(i + 1) : task.segment().hi()));
			}
			sums = both(() -> checksums(source, source.checksums(task.segment(), boundaries)),
					() -> checksums(derived, derived.checksums(task.segment(), boundaries)));
		}
		for (int i = segments.size() - 1; i >= 0; i--) {
			Checksum s = sums.get(0).getOrDefault((long) i, Checksum.EMPTY);
			Checksum d = sums.get(1).getOrDefault((long) i, Checksum.EMPTY);
			if (s.count() == d.count() && s.sum().compareTo(d.sum()) == 0) {
				checksummed.matching(s.count());
			}
			else {
				pending.push(new Task(segments.get(i), s.count(), d.count()));
			}
		}
	}

	private void fetch(SideSql.Segment segment) {
		List<List<Row>> rows = both(() -> rows(source, segment), () -> rows(derived, segment));
		SortedMerge merge = new SortedMerge(rows.get(0).iterator(), rows.get(1).iterator(), comparison.key(),
				comparison.fields(), comparator, source.label, derived.label);
		for (Difference difference = merge.next(); difference != null; difference = merge.next()) {
			ready.add(difference);
		}
		fetched = fetched.plus(merge.counts());
	}

	private List<Row> rows(SideSql side, SideSql.Segment segment) {
		SideSql.Sql sql = side.rows(segment);
		List<Row> rows = new ArrayList<>();
		try (JdbcCursor<Row> cursor = new JdbcCursor<>(side.side.dataSource(), side.side.store(), sql.text(),
				sql.parameters(), fetchSize, side::row)) {
			cursor.forEachRemaining(rows::add);
		}
		return rows;
	}

	private Map<Long, Checksum> checksums(SideSql side, SideSql.Sql sql) {
		Map<Long, Checksum> sums = new HashMap<>();
		for (Object[] row : side.query(sql)) {
			BigDecimal sum = (row[2] instanceof BigDecimal b) ? b : new BigDecimal(Objects.toString(row[2], "0"));
			sums.put(((Number) row[0]).longValue(), new Checksum(((Number) row[1]).longValue(), sum));
		}
		return sums;
	}

	/** Run one read per side at the same time; the sides are usually two databases. */
	private <T> List<T> both(Supplier<T> onSource, Supplier<T> onDerived) {
		Future<T> s = pool.submit(onSource::get);
		Future<T> d = pool.submit(onDerived::get);
		try {
			return List.of(s.get(), d.get());
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while comparing", ex);
		}
	}

}
