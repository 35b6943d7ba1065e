package io.opsbatch.it;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opsbatch.platform.change.Change;
import io.opsbatch.platform.change.Outcome;
import io.opsbatch.platform.change.jdbc.JdbcTargetStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On PostgreSQL a batch of updates is one set-based compare-and-set statement; it must decide every item exactly as
 * the row-by-row statements do.
 */
@ExtendWith(PostgresAvailable.class)
class PostgresSetUpdateIT {

	private JdbcTemplate jdbc;

	private JdbcTargetStore store;

	@BeforeEach
	void createTables() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(PostgresAvailable.URL, PostgresAvailable.USER,
				"");
		jdbc = new JdbcTemplate(dataSource);
		jdbc.execute("DROP TABLE IF EXISTS cas_orders");
		jdbc.execute("CREATE TABLE cas_orders(id BIGINT PRIMARY KEY, status VARCHAR(20), total NUMERIC(12,2), "
				+ "updated_at TIMESTAMP)");
		jdbc.update("INSERT INTO cas_orders VALUES (1, 'PROCESSING', 10.50, TIMESTAMP '2026-11-01 08:00:00'), "
				+ "(2, 'PROCESSING', 20.00, TIMESTAMP '2026-11-02 08:00:00'), (3, NULL, 30.00, NULL), "
				+ "(4, 'SHIPPED', 40.00, TIMESTAMP '2026-11-04 08:00:00'), (5, 'PENDING', 50.00, TIMESTAMP '2026-11-05 08:00:00')");
		jdbc.execute("DROP TABLE IF EXISTS cas_skus");
		jdbc.execute("CREATE TABLE cas_skus(region VARCHAR(5), sku VARCHAR(20), price NUMERIC(12,2), "
				+ "PRIMARY KEY (region, sku))");
		jdbc.update("INSERT INTO cas_skus VALUES ('eu', 'P-1', 1.00), ('us', 'P-1', 2.00)");
		store = new JdbcTargetStore("app", dataSource, false, "postgres test database");
	}

	@Test
	void a_batch_of_updates_is_decided_item_by_item() {
		List<Change> batch = List.of(
				update(1, values("status", "PROCESSING", "updated_at", "2026-11-01T08:00:00"),
						values("status", "PENDING", "updated_at", "2026-12-01T09:30:00")),
				update(2, values("status", "FAILED", "updated_at", "2026-11-02T08:00:00"),
						values("status", "PENDING", "updated_at", "2026-12-01T09:30:00")),
				update(3, values("status", null, "updated_at", null),
						values("status", "PENDING", "updated_at", "2026-12-01T09:30:00")),
				update(5, values("status", "PROCESSING", "updated_at", "2026-11-05T07:00:00"),
						values("status", "PENDING", "updated_at", "2026-11-05T08:00:00")),
				update(99, values("status", "PROCESSING", "updated_at", "2026-11-01T08:00:00"),
						values("status", "PENDING", "updated_at", "2026-12-01T09:30:00")));

		assertThat(store.apply(batch)).containsExactly(Outcome.APPLIED, Outcome.CONFLICT, Outcome.APPLIED,
				Outcome.ALREADY_APPLIED, Outcome.CONFLICT);
		assertThat(jdbc.queryForList("SELECT id FROM cas_orders WHERE updated_at = TIMESTAMP '2026-12-01 09:30:00' "
				+ "ORDER BY id", Long.class)).containsExactly(1L, 3L);
		assertThat(jdbc.queryForObject("SELECT status FROM cas_orders WHERE id = 2", String.class)).isEqualTo("PROCESSING");
	}

	@Test
	void numbers_compare_by_value_and_composite_text_keys_match() {
		List<Change> batch = List.of(
				new Change("app", "cas_skus", values("region", "eu", "sku", "P-1"), values("price", new BigDecimal("1")),
						values("price", new BigDecimal("1.25"))),
				new Change("app", "cas_skus", values("region", "us", "sku", "P-1"), values("price", new BigDecimal("2.5")),
						values("price", new BigDecimal("3.00"))));

		assertThat(store.apply(batch)).containsExactly(Outcome.APPLIED, Outcome.CONFLICT);
		assertThat(jdbc.queryForList("SELECT price FROM cas_skus ORDER BY region", BigDecimal.class))
			.containsExactly(new BigDecimal("1.25"), new BigDecimal("2.00"));
	}

	@Test
	void a_batch_touching_one_row_twice_is_applied_in_order() {
		List<Change> batch = List.of(update(4, values("status", "SHIPPED"), values("status", "RETURNED")),
				update(4, values("status", "RETURNED"), values("status", "REFUNDED")));

		assertThat(store.apply(batch)).containsExactly(Outcome.APPLIED, Outcome.APPLIED);
		assertThat(jdbc.queryForObject("SELECT status FROM cas_orders WHERE id = 4", String.class)).isEqualTo("REFUNDED");
	}

	private static Change update(long id, Map<String, Object> before, Map<String, Object> after) {
		return new Change("app", "cas_orders", values("id", id), before, after);
	}

	private static Map<String, Object> values(Object... pairs) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			values.put((String) pairs[i], pairs[i + 1]);
		}
		return values;
	}

}
