package io.opsbatch.platform.reconcile.jdbc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import javax.sql.DataSource;

import io.opsbatch.platform.reconcile.Comparison;
import io.opsbatch.platform.reconcile.ComparisonCounts;
import io.opsbatch.platform.reconcile.ComparisonSide;
import io.opsbatch.platform.reconcile.ComparisonStrategy;
import io.opsbatch.platform.reconcile.Difference;
import io.opsbatch.platform.reconcile.DifferenceCursor;
import io.opsbatch.platform.reconcile.DifferenceKind;
import io.opsbatch.platform.reconcile.support.RowComparator;
import io.opsbatch.platform.reconcile.support.SortedMerge;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-style: on randomized data (missing, extra and changed rows, gaps in the key range, keys at the ends of
 * the 64-bit range, text keys, nulls, look-alike labels, tolerances) every strategy finds exactly the differences and
 * counts of an in-memory oracle, in key order.
 */
class StrategiesAgreeTest {

	private static final int SEEDS = 150;

	/** Keys at both ends of the 64-bit range: ranges that end at Long.MAX_VALUE or are wider than 2^63. */
	private static final long[] ENDS = { Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MIN_VALUE + 2, Long.MAX_VALUE - 2,
			Long.MAX_VALUE - 1, Long.MAX_VALUE };

	/** Labels with the characters a row's text encoding must keep apart: separators, the null marker, empty. */
	private static final String[] LABELS = { "L0", "L1", "L2", "L3", "L4", "|", "L1|", "|L1", "\\N", "" };

	private final DataSource same = new DriverManagerDataSource("jdbc:h2:mem:agree;DB_CLOSE_DELAY=-1", "sa", "");

	/** A second data source on another database: sides in two stores. */
	private final DataSource other = new DriverManagerDataSource("jdbc:h2:mem:agree2;DB_CLOSE_DELAY=-1", "sa", "");

	private final List<ComparisonStrategy> crossStore = List.of(new StreamStrategy(7), new BisectStrategy(4, 3, 5),
			new BisectStrategy(2, 1, 100), new BisectStrategy(4096, 64, 1000));

	@Test
	void every_strategy_finds_exactly_the_differences_of_the_oracle() {
		for (int seed = 0; seed < SEEDS; seed++) {
			Random random = new Random(seed);
			boolean textKeys = seed % 3 == 1;
			Map<Object, Object[]> source = rows(random, textKeys);
			Map<Object, Object[]> derived = derive(random, source, textKeys);
			Map<String, BigDecimal> tolerance = (seed % 4 == 0) ? Map.of("amount", new BigDecimal("0.05")) : Map.of();
			load(same, "src", source, textKeys);
			load(same, "dst", derived, textKeys);
			load(other, "dst", derived, textKeys);
			Expected expected = oracle(source, derived, tolerance);

			Outcome join = run(new JoinStrategy(10), comparison(same, same, tolerance, null));
			assertThat(join.differences()).as("join, seed %d", seed).isEqualTo(expected.differences());
			assertThat(join.counts()).as("join counts, seed %d", seed).isEqualTo(expected.counts());
			for (ComparisonStrategy strategy : crossStore) {
				Outcome outcome = run(strategy, comparison(same, other, tolerance, null));
				assertThat(outcome.differences()).as("%s, seed %d", strategy.name(), seed)
					.isEqualTo(expected.differences());
				assertThat(outcome.counts()).as("%s counts, seed %d", strategy.name(), seed).isEqualTo(expected.counts());
			}
		}
	}

	@Test
	void one_resource_is_compared_alone_by_every_strategy() {
		Random random = new Random(99);
		Map<Object, Object[]> source = rows(random, false);
		Map<Object, Object[]> derived = derive(random, source, false);
		load(same, "src", source, false);
		load(same, "dst", derived, false);
		load(other, "dst", derived, false);
		for (Object key : new java.util.TreeSet<>(java.util.stream.Stream
			.concat(source.keySet().stream(), derived.keySet().stream())
			.toList())) {
			Map<Object, Object[]> s = source.containsKey(key) ? Map.of(key, source.get(key)) : Map.of();
			Map<Object, Object[]> d = derived.containsKey(key) ? Map.of(key, derived.get(key)) : Map.of();
			Expected expected = oracle(s, d, Map.of());
			assertThat(run(new JoinStrategy(10), comparison(same, same, Map.of(), key))).isEqualTo(
					new Outcome(expected.differences(), expected.counts()));
			assertThat(run(new StreamStrategy(10), comparison(same, other, Map.of(), key))).isEqualTo(
					new Outcome(expected.differences(), expected.counts()));
			assertThat(run(new BisectStrategy(2, 1, 10), comparison(same, other, Map.of(), key))).isEqualTo(
					new Outcome(expected.differences(), expected.counts()));
		}
	}

	@Test
	void bisect_tells_apart_rows_whose_text_differs_only_in_where_a_separator_or_a_null_falls() {
		JdbcTemplate source = new JdbcTemplate(same);
		JdbcTemplate derived = new JdbcTemplate(other);
		for (JdbcTemplate db : List.of(source, derived)) {
			db.execute("DROP TABLE IF EXISTS pair");
			db.execute("CREATE TABLE pair (id BIGINT NOT NULL PRIMARY KEY, a VARCHAR(20), b VARCHAR(20))");
		}
		source.batchUpdate("INSERT INTO pair (id, a, b) VALUES (?, ?, ?)",
				List.of(new Object[] { 1, "x|y", "z" }, new Object[] { 2, null, "a" }, new Object[] { 3, "", null },
						new Object[] { 4, "\\N", "q" }, new Object[] { 5, "m", "n" }));
		derived.batchUpdate("INSERT INTO pair (id, a, b) VALUES (?, ?, ?)",
				List.of(new Object[] { 1, "x", "y|z" }, new Object[] { 2, "\\N", "a" }, new Object[] { 3, null, "" },
						new Object[] { 4, null, "q" }, new Object[] { 5, "m", "n" }));
		Comparison comparison = new Comparison(new ComparisonSide("source", same, "pair"),
				new ComparisonSide("derived", other, "pair"), List.of("id"), List.of("a", "b"), Map.of(), null);

		Outcome bisect = run(new BisectStrategy(2, 1, 10), comparison);

		assertThat(bisect.differences()).extracting(Difference::key)
			.containsExactly(Map.of("id", 1L), Map.of("id", 2L), Map.of("id", 3L), Map.of("id", 4L));
		assertThat(bisect.counts()).isEqualTo(new ComparisonCounts(1, 4, 0, 0));
		assertThat(bisect).isEqualTo(run(new StreamStrategy(10), comparison));
	}

	private record Outcome(List<Difference> differences, ComparisonCounts counts) {
	}

	private record Expected(List<Difference> differences, ComparisonCounts counts) {
	}

	private static Comparison comparison(DataSource source, DataSource derived, Map<String, BigDecimal> tolerance,
			Object resource) {
		return new Comparison(ComparisonSide.query("source", source, "SELECT id, amount, label FROM src"),
				new ComparisonSide("derived", derived, "dst"), List.of("id"), List.of("amount", "label"), tolerance,
				resource);
	}

	private static Outcome run(ComparisonStrategy strategy, Comparison comparison) {
		List<Difference> differences = new ArrayList<>();
		try (DifferenceCursor cursor = strategy.open(comparison)) {
			for (Difference d = cursor.next(); d != null; d = cursor.next()) {
				differences.add(d);
			}
			return new Outcome(differences, cursor.counts());
		}
	}

	private static Map<Object, Object[]> rows(Random random, boolean textKeys) {
		Map<Object, Object[]> rows = new TreeMap<>(RowComparatorOrder.INSTANCE);
		int count = random.nextInt(4) == 0 ? random.nextInt(4) : random.nextInt(300);
		long id = random.nextInt(1000) - 500;
		for (int i = 0; i < count; i++) {
			id += 1 + ((random.nextInt(10) == 0) ? random.nextInt(200) : random.nextInt(3));
			Object key = textKeys ? text(random) : (Object) id;
			rows.put(key, new Object[] { amount(random), label(random) });
		}
		if (!textKeys && random.nextInt(3) == 0) {
			for (long end : ENDS) {
				if (random.nextBoolean()) {
					rows.put(end, new Object[] { amount(random), label(random) });
				}
			}
		}
		return rows;
	}

	private static Map<Object, Object[]> derive(Random random, Map<Object, Object[]> source, boolean textKeys) {
		Map<Object, Object[]> derived = new TreeMap<>(RowComparatorOrder.INSTANCE);
		int missingRate = random.nextInt(20);
		int changeRate = random.nextInt(20);
		source.forEach((key, values) -> {
			if (missingRate > 0 && random.nextInt(100) < missingRate) {
				return;
			}
			Object[] copy = values.clone();
			if (changeRate > 0 && random.nextInt(100) < changeRate) {
				switch (random.nextInt(5)) {
					case 0 -> copy[0] = amount(random);
					case 1 -> copy[1] = label(random);
					case 2 -> copy[1] = lookalike((String) copy[1]);
					case 3 -> copy[0] = (copy[0] == null) ? new BigDecimal("1.00")
							: ((BigDecimal) copy[0]).add(new BigDecimal(random.nextBoolean() ? "0.03" : "0.07"));
					default -> copy[0] = (copy[0] == null) ? null : ((BigDecimal) copy[0]).setScale(2);
				}
			}
			derived.put(key, copy);
		});
		int extra = random.nextInt(10);
		for (int i = 0; i < extra; i++) {
			Object key = textKeys ? text(random)
					: (random.nextInt(8) == 0) ? (Object) ENDS[random.nextInt(ENDS.length)]
							: (Object) (long) (random.nextInt(3000) - 1000);
			derived.putIfAbsent(key, new Object[] { amount(random), label(random) });
		}
		return derived;
	}

	private static String text(Random random) {
		String alphabet = "AbZaz09-_ é";
		StringBuilder text = new StringBuilder();
		int length = 1 + random.nextInt(6);
		for (int i = 0; i < length; i++) {
			text.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return text.toString();
	}

	private static BigDecimal amount(Random random) {
		return (random.nextInt(15) == 0) ? null : BigDecimal.valueOf(random.nextInt(100000) - 50000, 2);
	}

	private static String label(Random random) {
		return (random.nextInt(15) == 0) ? null : LABELS[random.nextInt(LABELS.length)];
	}

	/** A different label whose text a naive encoding would confuse with it. */
	private static String lookalike(String label) {
		if (label == null) {
			return "\\N";
		}
		return (label.equals("\\N") || label.isEmpty()) ? null : label + "|";
	}

	private static void load(DataSource dataSource, String table, Map<Object, Object[]> rows, boolean textKeys) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.execute("DROP TABLE IF EXISTS " + table);
		jdbc.execute("CREATE TABLE " + table + " (id " + (textKeys ? "VARCHAR(20)" : "BIGINT")
				+ " NOT NULL PRIMARY KEY, amount NUMERIC(12,2), label VARCHAR(20))");
		List<Object[]> batch = new ArrayList<>();
		rows.forEach((key, values) -> batch.add(new Object[] { key, values[0], values[1] }));
		jdbc.batchUpdate("INSERT INTO " + table + " (id, amount, label) VALUES (?, ?, ?)", batch);
	}

	private static Expected oracle(Map<Object, Object[]> source, Map<Object, Object[]> derived,
			Map<String, BigDecimal> tolerance) {
		RowComparator comparator = new RowComparator(List.of("amount", "label"), tolerance);
		TreeMap<Object, Boolean> keys = new TreeMap<>(RowComparatorOrder.INSTANCE);
		source.keySet().forEach((k) -> keys.put(k, true));
		derived.keySet().forEach((k) -> keys.put(k, true));
		List<Difference> differences = new ArrayList<>();
		long matching = 0;
		long mismatched = 0;
		long missing = 0;
		long extra = 0;
		for (Object key : keys.keySet()) {
			Object[] s = source.get(key);
			Object[] d = derived.get(key);
			Map<String, Object> k = Map.of("id", key);
			if (d == null) {
				missing++;
				differences.add(new Difference(DifferenceKind.MISSING, k, fields(s), null));
			}
			else if (s == null) {
				extra++;
				differences.add(new Difference(DifferenceKind.EXTRA, k, null, fields(d)));
			}
			else if (comparator.equal(s, d)) {
				matching++;
			}
			else {
				mismatched++;
				differences.add(new Difference(DifferenceKind.MISMATCHED, k, fields(s), fields(d)));
			}
		}
		return new Expected(differences, new ComparisonCounts(matching, mismatched, missing, extra));
	}

	private static Map<String, Object> fields(Object[] values) {
		return SortedMerge.map(List.of("amount", "label"), values);
	}

	/** Keys in the comparators' order. */
	private enum RowComparatorOrder implements java.util.Comparator<Object> {

		INSTANCE;

		@Override
		public int compare(Object left, Object right) {
			return RowComparator.compareValues(left, right);
		}

	}

}
