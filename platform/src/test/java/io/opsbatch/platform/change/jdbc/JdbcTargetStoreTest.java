package io.opsbatch.platform.change.jdbc;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.opsbatch.platform.InvalidInputException;
import io.opsbatch.platform.change.Change;
import io.opsbatch.platform.change.Outcome;
import io.opsbatch.platform.change.RecordRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcTargetStoreTest {

	private JdbcTemplate jdbc;

	private JdbcTargetStore store;

	@BeforeEach
	void createOrders() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		jdbc = new JdbcTemplate(dataSource);
		jdbc.execute("CREATE TABLE orders(id BIGINT PRIMARY KEY, status VARCHAR(20), total NUMERIC(12,2), "
				+ "updated_at TIMESTAMP)");
		jdbc.update("INSERT INTO orders VALUES (1, 'PROCESSING', 10.50, TIMESTAMP '2026-11-01 08:00:00')");
		jdbc.update("INSERT INTO orders VALUES (2, 'PROCESSING', 20.00, TIMESTAMP '2026-11-02 08:00:00')");
		jdbc.update("INSERT INTO orders VALUES (3, NULL, 30.00, TIMESTAMP '2026-11-03 08:00:00')");
		store = new JdbcTargetStore("app", dataSource, false, "h2 test database");
	}

	@AfterEach
	void dropDatabase() {
		jdbc.execute("SHUTDOWN");
	}

	@Test
	void update_whose_before_matches_is_applied_and_changes_the_row() {
		Change change = update(1L, values("status", "PROCESSING", "total", new BigDecimal("10.5")),
				values("status", "PENDING", "updated_at", "2026-11-30T08:00:00"));

		assertThat(store.apply(List.of(change))).containsExactly(Outcome.APPLIED);

		assertThat(row(1L)).containsEntry("STATUS", "PENDING")
			.containsEntry("TOTAL", new BigDecimal("10.50"))
			.containsEntry("UPDATED_AT", Timestamp.valueOf("2026-11-30 08:00:00"));
	}

	@Test
	void replaying_an_applied_update_is_already_applied() {
		Change change = update(1L, values("status", "PROCESSING"), values("status", "PENDING"));
		store.apply(List.of(change));

		assertThat(store.apply(List.of(change))).containsExactly(Outcome.ALREADY_APPLIED);
		assertThat(row(1L)).containsEntry("STATUS", "PENDING");
	}

	@Test
	void update_finding_neither_before_nor_after_is_a_conflict_and_leaves_the_row_untouched() {
		Map<String, Object> untouched = row(1L);
		Change change = update(1L, values("status", "FAILED"), values("status", "PENDING"));

		assertThat(store.apply(List.of(change))).containsExactly(Outcome.CONFLICT);
		assertThat(row(1L)).isEqualTo(untouched);
	}

	@Test
	void update_of_a_missing_row_is_a_conflict() {
		Change change = update(99L, values("status", "PROCESSING"), values("status", "PENDING"));

		assertThat(store.apply(List.of(change))).containsExactly(Outcome.CONFLICT);
		assertThat(count()).isEqualTo(3);
	}

	@Test
	void update_matches_a_column_that_is_currently_null() {
		Change change = update(3L, values("status", null), values("status", "PENDING"));

		assertThat(store.apply(List.of(change))).containsExactly(Outcome.APPLIED);
		assertThat(row(3L)).containsEntry("STATUS", "PENDING");
	}

	@Test
	void update_expecting_null_conflicts_with_a_value() {
		Change change = update(1L, values("status", null), values("status", "PENDING"));

		assertThat(store.apply(List.of(change))).containsExactly(Outcome.CONFLICT);
		assertThat(row(1L)).containsEntry("STATUS", "PROCESSING");
	}

	@Test
	void update_to_a_decimal_finer_than_the_column_scale_is_refused_and_writes_nothing() {
		Change change = update(1L, values("total", new BigDecimal("10.50")), values("total", new BigDecimal("10.555")));

		assertThatThrownBy(() -> store.apply(List.of(change))).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("column total");
		assertThat(row(1L)).containsEntry("TOTAL", new BigDecimal("10.50"));
	}

	@Test
	void delete_whose_before_matches_removes_the_row_and_its_replay_is_already_applied() {
		Change delete = new Change("app", "orders", values("id", 2L), values("id", 2L, "status", "PROCESSING",
				"total", new BigDecimal("20.00"), "updated_at", "2026-11-02T08:00:00"), null);

		assertThat(store.apply(List.of(delete))).containsExactly(Outcome.APPLIED);
		assertThat(rowExists(2L)).isFalse();

		assertThat(store.apply(List.of(delete))).containsExactly(Outcome.ALREADY_APPLIED);
		assertThat(count()).isEqualTo(2);
	}

	@Test
	void delete_whose_before_does_not_match_is_a_conflict_and_keeps_the_row() {
		Change delete = new Change("app", "orders", values("id", 2L), values("id", 2L, "status", "SHIPPED"), null);

		assertThat(store.apply(List.of(delete))).containsExactly(Outcome.CONFLICT);
		assertThat(row(2L)).containsEntry("STATUS", "PROCESSING");
	}

	@Test
	void insert_adds_the_row_and_its_replay_is_already_applied() {
		Change insert = insert(10L, "PENDING", "12.5");

		assertThat(store.apply(List.of(insert))).containsExactly(Outcome.APPLIED);
		assertThat(row(10L)).containsEntry("STATUS", "PENDING")
			.containsEntry("TOTAL", new BigDecimal("12.50"))
			.containsEntry("UPDATED_AT", Timestamp.valueOf("2026-11-30 08:00:00"));

		assertThat(store.apply(List.of(insert))).containsExactly(Outcome.ALREADY_APPLIED);
		assertThat(count()).isEqualTo(4);
	}

	@Test
	void insert_over_an_existing_different_row_is_a_conflict_and_leaves_it_untouched() {
		Map<String, Object> untouched = row(1L);

		assertThat(store.apply(List.of(insert(1L, "PENDING", "99.99")))).containsExactly(Outcome.CONFLICT);
		assertThat(row(1L)).isEqualTo(untouched);
	}

	@Test
	void mixed_batch_reports_one_outcome_per_change_in_order() {
		List<Change> changes = List.of(
				update(1L, values("status", "PROCESSING"), values("status", "PENDING")),
				update(2L, values("status", "FAILED"), values("status", "PENDING")),
				insert(10L, "PENDING", "1.00"),
				update(3L, values("status", null), values("status", "PENDING")),
				new Change("app", "orders", values("id", 99L), values("id", 99L, "status", "GONE"), null),
				update(1L, values("status", "PROCESSING"), values("status", "PENDING")));

		assertThat(store.apply(changes)).containsExactly(Outcome.APPLIED, Outcome.CONFLICT, Outcome.APPLIED,
				Outcome.APPLIED, Outcome.ALREADY_APPLIED, Outcome.ALREADY_APPLIED);
		assertThat(jdbc.queryForList("SELECT id FROM orders WHERE status = 'PENDING' ORDER BY id", Long.class))
			.containsExactly(1L, 3L, 10L);
		assertThat(row(2L)).containsEntry("STATUS", "PROCESSING");
	}

	@Test
	void read_returns_values_in_their_json_form_or_null_for_a_missing_row() {
		assertThat(store.read("orders", values("id", 1L), List.of("status", "total", "updated_at")))
			.containsExactly(Map.entry("status", "PROCESSING"), Map.entry("total", new BigDecimal("10.50")),
					Map.entry("updated_at", "2026-11-01T08:00:00"));
		assertThat(store.read("orders", values("id", 99L), List.of("status"))).isNull();
	}

	@Test
	void table_metadata_refuses_an_unknown_table() {
		assertThatThrownBy(() -> store.table("invoices")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("unknown table 'invoices'");
	}

	@Test
	void table_metadata_refuses_an_unknown_column() {
		assertThatThrownBy(() -> store.table("orders").column("discount")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("unknown column 'discount'");
	}

	@Test
	void table_metadata_refuses_a_table_name_that_is_not_an_identifier() {
		assertThatThrownBy(() -> store.table("orders; drop table x")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("not a plain identifier");
		assertThat(count()).isEqualTo(3);
	}

	@Test
	void apply_refuses_a_change_naming_an_unknown_column_and_writes_nothing() {
		Change change = update(1L, values("status", "PROCESSING"), values("status; drop table orders", "PENDING"));

		assertThatThrownBy(() -> store.apply(List.of(change))).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("unknown column");
		assertThat(row(1L)).containsEntry("STATUS", "PROCESSING");
	}

	@Test
	void delete_that_requires_an_absent_parent_is_applied_while_the_parent_is_absent() {
		jdbc.execute("CREATE TABLE customers(id BIGINT PRIMARY KEY)");
		Change delete = new Change("app", "orders", values("id", 2L), values("status", "PROCESSING"), null,
				List.of(new RecordRef("app", "customers", values("id", 77L))));

		assertThat(store.apply(List.of(delete))).containsExactly(Outcome.APPLIED);

		assertThat(rowExists(2L)).isFalse();
	}

	@Test
	void delete_whose_required_absent_parent_exists_again_is_a_conflict_and_keeps_the_row() {
		jdbc.execute("CREATE TABLE customers(id BIGINT PRIMARY KEY)");
		jdbc.update("INSERT INTO customers VALUES (77)");
		Change first = new Change("app", "orders", values("id", 1L), values("status", "PROCESSING"), null,
				List.of(new RecordRef("app", "customers", values("id", 77L))));
		Change second = new Change("app", "orders", values("id", 2L), values("status", "PROCESSING"), null,
				List.of(new RecordRef("app", "customers", values("id", 78L))));

		assertThat(store.apply(List.of(first, second))).containsExactly(Outcome.CONFLICT, Outcome.APPLIED);

		assertThat(rowExists(1L)).isTrue();
		assertThat(rowExists(2L)).isFalse();
	}

	@Test
	void update_whose_required_absent_record_exists_is_a_conflict_and_changes_nothing() {
		jdbc.execute("CREATE TABLE customers(id BIGINT PRIMARY KEY)");
		jdbc.update("INSERT INTO customers VALUES (5)");
		Change nullify = new Change("app", "orders", values("id", 1L), values("status", "PROCESSING"),
				values("status", null), List.of(new RecordRef("app", "customers", values("id", 5L))));

		assertThat(store.apply(List.of(nullify))).containsExactly(Outcome.CONFLICT);

		assertThat(row(1L)).containsEntry("STATUS", "PROCESSING");
	}

	@Test
	void apply_refuses_to_check_the_absence_of_a_record_of_another_store() {
		Change delete = new Change("app", "orders", values("id", 2L), values("status", "PROCESSING"), null,
				List.of(new RecordRef("crm", "customers", values("id", 77L))));

		assertThatThrownBy(() -> store.apply(List.of(delete))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("store crm");
		assertThat(rowExists(2L)).isTrue();
	}

	private static Change update(long id, Map<String, Object> before, Map<String, Object> after) {
		return new Change("app", "orders", values("id", id), before, after);
	}

	/** An insert with values in their canonical form, as plans hold them (see JdbcValues.normalize). */
	private static Change insert(long id, String status, String total) {
		return new Change("app", "orders", values("id", id), null,
				values("id", id, "status", status, "total", new BigDecimal(total), "updated_at", "2026-11-30T08:00:00"));
	}

	private Map<String, Object> row(long id) {
		return jdbc.queryForMap("SELECT status, total, updated_at FROM orders WHERE id = ?", id);
	}

	private boolean rowExists(long id) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE id = ?", Integer.class, id) == 1;
	}

	private int count() {
		return jdbc.queryForObject("SELECT COUNT(*) FROM orders", Integer.class);
	}

	/** Column values in the order given; null values allowed. */
	private static Map<String, Object> values(Object... columnsAndValues) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (int i = 0; i < columnsAndValues.length; i += 2) {
			values.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
		}
		return values;
	}

}
