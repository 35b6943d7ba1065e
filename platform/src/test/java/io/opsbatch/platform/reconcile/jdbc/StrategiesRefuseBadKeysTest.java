package io.opsbatch.platform.reconcile.jdbc;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.opsbatch.platform.reconcile.Comparison;
import io.opsbatch.platform.reconcile.ComparisonFailedException;
import io.opsbatch.platform.reconcile.ComparisonSide;
import io.opsbatch.platform.reconcile.ComparisonStrategy;
import io.opsbatch.platform.reconcile.DifferenceCursor;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keys must be unique and non-null on both sides: every strategy refuses a side that breaks it, naming the side. */
class StrategiesRefuseBadKeysTest {

	private final DataSource same = new DriverManagerDataSource("jdbc:h2:mem:badkeys;DB_CLOSE_DELAY=-1", "sa", "");

	private final DataSource other = new DriverManagerDataSource("jdbc:h2:mem:badkeys2;DB_CLOSE_DELAY=-1", "sa", "");

	@Test
	void every_strategy_refuses_a_null_key_in_the_source() {
		for (String type : List.of("BIGINT", "VARCHAR(20)")) {
			load(same, "src", type, "1", "2", null, "3");
			load(same, "dst", type, "1", "2", "3");
			load(other, "dst", type, "1", "2", "3");

			for (ComparisonStrategy strategy : strategies()) {
				assertRefused(strategy, "source store source returned a row with a null key [id]: key columns must be "
						+ "non-null", type);
			}
		}
	}

	@Test
	void every_strategy_refuses_a_null_key_in_the_derived_side() {
		for (String type : List.of("BIGINT", "VARCHAR(20)")) {
			load(same, "src", type, "1", "2", "3");
			load(same, "dst", type, "1", null, "2", "3");
			load(other, "dst", type, "1", null, "2", "3");

			for (ComparisonStrategy strategy : strategies()) {
				assertRefused(strategy, "derived store derived returned a row with a null key [id]", type);
			}
		}
	}

	@Test
	void every_strategy_refuses_a_key_that_is_on_several_rows() {
		for (String type : List.of("BIGINT", "VARCHAR(20)")) {
			load(same, "src", type, "1", "2", "2", "3", "4");
			load(same, "dst", type, "1", "2", "3", "4");
			load(other, "dst", type, "1", "2", "3", "4");

			for (ComparisonStrategy strategy : strategies()) {
				assertRefused(strategy, "source store source returned key [2] more than once: keys must be unique",
						type);
			}
		}
	}

	@Test
	void join_refuses_duplicated_keys_even_when_every_pair_of_their_rows_matches() {
		load(same, "src", "BIGINT", "1", "2", "2");
		load(same, "dst", "BIGINT", "1", "2", "2");

		assertRefused(new JoinStrategy(10), "source store source returned key [2] more than once", "BIGINT");
	}

	@Test
	void only_a_table_whose_primary_key_is_the_key_is_trusted_without_the_check() {
		JdbcTemplate jdbc = new JdbcTemplate(same);
		jdbc.execute("DROP TABLE IF EXISTS keyed");
		jdbc.execute("CREATE TABLE keyed (id BIGINT PRIMARY KEY, label VARCHAR(20))");
		jdbc.execute("DROP TABLE IF EXISTS keyed_by_two");
		jdbc.execute("CREATE TABLE keyed_by_two (id BIGINT, label VARCHAR(20), PRIMARY KEY (id, label))");
		load(same, "unkeyed", "BIGINT", "1", "1");

		assertThat(side("keyed").keyIsPrimaryKey()).isTrue();
		assertThat(side("KEYED").keyIsPrimaryKey()).isTrue();
		assertThat(side("keyed_by_two").keyIsPrimaryKey()).as("a wider primary key").isFalse();
		assertThat(side("unkeyed").keyIsPrimaryKey()).isFalse();
		assertThat(side("(SELECT id, label FROM keyed)").keyIsPrimaryKey()).as("a query").isFalse();
	}

	private SideSql side(String relation) {
		ComparisonSide side = new ComparisonSide("source", same, relation);
		return new SideSql(side, new Comparison(side, new ComparisonSide("derived", same, "keyed"), List.of("id"),
				List.of("label"), Map.of(), null));
	}

	private static List<ComparisonStrategy> strategies() {
		return List.of(new JoinStrategy(10), new StreamStrategy(10), new BisectStrategy(2, 1, 10),
				new BisectStrategy(4096, 256, 10));
	}

	private void assertRefused(ComparisonStrategy strategy, String message, String type) {
		DataSource derived = (strategy instanceof JoinStrategy) ? same : other;
		Comparison comparison = new Comparison(ComparisonSide.query("source", same, "SELECT id, label FROM src"),
				new ComparisonSide("derived", derived, "dst"), List.of("id"), List.of("label"), Map.of(), null);
		assertThatThrownBy(() -> {
			try (DifferenceCursor cursor = strategy.open(comparison)) {
				while (cursor.next() != null) {
					// read to the end
				}
			}
		}).as("%s, %s keys", strategy.name(), type)
			.isInstanceOf(ComparisonFailedException.class)
			.hasMessageContaining(message);
	}

	/** A table without a primary key, so that keys can be null or repeated; every row's label is its key's. */
	private static void load(DataSource dataSource, String table, String type, String... keys) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.execute("DROP TABLE IF EXISTS " + table);
		jdbc.execute("CREATE TABLE " + table + " (id " + type + ", label VARCHAR(20))");
		for (String key : keys) {
			jdbc.update("INSERT INTO " + table + " (id, label) VALUES (?, ?)", (key == null) ? null
					: type.equals("BIGINT") ? (Object) Long.valueOf(key) : key, "L" + key);
		}
	}

}
