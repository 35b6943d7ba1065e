package io.opsbatch.platform.plan;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opsbatch.platform.change.Change;
import io.opsbatch.platform.change.RecordRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlanDigestTest {

	private static final String ACTION = "fix.reset-stuck-orders";

	private static final Map<String, Object> PARAMETERS = map("now", "2026-11-30T08:00:00", "stuck_before",
			"2026-11-16T08:00:00");

	private static final List<Change> ITEMS = List.of(
			update(1L, "PROCESSING", "PENDING"),
			update(2L, "PROCESSING", "PENDING"),
			update(3L, "PROCESSING", "PENDING"));

	private final String baseline = digest(ITEMS, ACTION, PARAMETERS);

	@Test
	void digest_is_64_lowercase_hex_characters() {
		assertThat(baseline).matches("[0-9a-f]{64}");
	}

	@Test
	void digest_is_the_same_for_the_same_items_action_and_parameters() {
		List<Change> sameItems = List.of(
				update(1L, "PROCESSING", "PENDING"),
				update(2L, "PROCESSING", "PENDING"),
				update(3L, "PROCESSING", "PENDING"));

		assertThat(digest(sameItems, ACTION, map("now", "2026-11-30T08:00:00", "stuck_before", "2026-11-16T08:00:00")))
			.isEqualTo(baseline);
	}

	@Test
	void digest_does_not_depend_on_the_insertion_order_of_map_keys() {
		Change forward = new Change("app", "orders", map("id", 1L, "region", "eu"),
				map("status", "PROCESSING", "total", new BigDecimal("10.50")),
				map("status", "PENDING", "total", new BigDecimal("10.50")));
		Change reversed = new Change("app", "orders", map("region", "eu", "id", 1L),
				map("total", new BigDecimal("10.50"), "status", "PROCESSING"),
				map("total", new BigDecimal("10.50"), "status", "PENDING"));

		assertThat(digest(List.of(reversed), ACTION, map("b", 2L, "a", 1L)))
			.isEqualTo(digest(List.of(forward), ACTION, map("a", 1L, "b", 2L)));
	}

	@Test
	void digest_writes_decimals_in_plain_notation() {
		Change scientific = new Change("app", "orders", map("id", 1L), map("total", new BigDecimal("1E+3")),
				map("total", new BigDecimal("2E+3")));
		Change plain = new Change("app", "orders", map("id", 1L), map("total", new BigDecimal("1000")),
				map("total", new BigDecimal("2000")));

		assertThat(digest(List.of(scientific), ACTION, PARAMETERS))
			.isEqualTo(digest(List.of(plain), ACTION, PARAMETERS));
	}

	@Test
	void digest_changes_when_an_item_after_value_changes() {
		assertChanged(List.of(ITEMS.get(0), ITEMS.get(1), update(3L, "PROCESSING", "CANCELLED")));
	}

	@Test
	void digest_changes_when_an_item_before_value_changes() {
		assertChanged(List.of(update(1L, "FAILED", "PENDING"), ITEMS.get(1), ITEMS.get(2)));
	}

	@Test
	void digest_changes_when_an_item_key_changes() {
		assertChanged(List.of(ITEMS.get(0), update(22L, "PROCESSING", "PENDING"), ITEMS.get(2)));
	}

	@Test
	void digest_changes_when_an_item_store_changes() {
		Change otherStore = new Change("billing", "orders", map("id", 1L), map("status", "PROCESSING"),
				map("status", "PENDING"));

		assertChanged(List.of(otherStore, ITEMS.get(1), ITEMS.get(2)));
	}

	@Test
	void digest_changes_when_an_item_table_changes() {
		Change otherTable = new Change("app", "archived_orders", map("id", 1L), map("status", "PROCESSING"),
				map("status", "PENDING"));

		assertChanged(List.of(otherTable, ITEMS.get(1), ITEMS.get(2)));
	}

	@Test
	void digest_changes_when_an_item_requires_a_record_to_be_absent() {
		Change guarded = new Change("app", "orders", map("id", 1L), map("status", "PROCESSING"),
				map("status", "PENDING"), List.of(new RecordRef("app", "customers", map("id", 9L))));

		assertChanged(List.of(guarded, ITEMS.get(1), ITEMS.get(2)));
	}

	@Test
	void digest_changes_when_the_record_required_to_be_absent_changes() {
		Change one = new Change("app", "orders", map("id", 1L), map("status", "PROCESSING"), null,
				List.of(new RecordRef("app", "customers", map("id", 9L))));
		Change other = new Change("app", "orders", map("id", 1L), map("status", "PROCESSING"), null,
				List.of(new RecordRef("app", "customers", map("id", 10L))));

		assertThat(digest(List.of(one), ACTION, PARAMETERS)).isNotEqualTo(digest(List.of(other), ACTION, PARAMETERS));
	}

	@Test
	void digest_of_stored_text_equals_digest_of_the_change_when_records_must_be_absent() {
		Change guarded = new Change("app", "orders", map("id", 1L), map("status", "PROCESSING"), null,
				List.of(new RecordRef("app", "customers", map("id", 9L))));
		StoredItem stored = new StoredItem(1, "app", "orders", "{\"id\":1}", "{\"status\":\"PROCESSING\"}", null,
				"[{\"key\":{\"id\":9},\"store\":\"app\",\"table\":\"customers\"}]");

		assertThat(PlanDigest.start().add(stored).finish(ACTION, PARAMETERS))
			.isEqualTo(PlanDigest.start().add(guarded).finish(ACTION, PARAMETERS));
	}

	@Test
	void digest_changes_when_items_are_reordered() {
		assertChanged(List.of(ITEMS.get(1), ITEMS.get(0), ITEMS.get(2)));
	}

	@Test
	void digest_changes_when_an_item_is_added() {
		assertChanged(List.of(ITEMS.get(0), ITEMS.get(1), ITEMS.get(2), update(4L, "PROCESSING", "PENDING")));
	}

	@Test
	void digest_changes_when_an_item_is_removed() {
		assertChanged(List.of(ITEMS.get(0), ITEMS.get(1)));
	}

	@Test
	void digest_changes_when_the_action_changes() {
		assertThat(digest(ITEMS, "fix.cancel-customer-orders", PARAMETERS)).isNotEqualTo(baseline);
	}

	@Test
	void digest_changes_when_a_parameter_value_changes() {
		Map<String, Object> parameters = map("now", "2026-11-30T08:00:00", "stuck_before", "2026-11-17T08:00:00");

		assertThat(digest(ITEMS, ACTION, parameters)).isNotEqualTo(baseline);
	}

	@Test
	void digest_changes_when_a_parameter_is_added() {
		Map<String, Object> parameters = new LinkedHashMap<>(PARAMETERS);
		parameters.put("reason", "FRAUD");

		assertThat(digest(ITEMS, ACTION, parameters)).isNotEqualTo(baseline);
	}

	private void assertChanged(List<Change> items) {
		assertThat(digest(items, ACTION, PARAMETERS)).isNotEqualTo(baseline);
	}

	private static String digest(List<Change> items, String action, Map<String, Object> parameters) {
		PlanDigest digest = PlanDigest.start();
		items.forEach(digest::add);
		return digest.finish(action, parameters);
	}

	private static Change update(long id, String statusBefore, String statusAfter) {
		return new Change("app", "orders", map("id", id), map("status", statusBefore), map("status", statusAfter));
	}

	/** A map that keeps the order the entries are given in. */
	private static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}
