package io.opsbatch.platform.change;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CasDecisionTest {

	private static final Map<String, Object> KEY = Map.of("id", 1L);

	private final Change update = new Change("app", "orders", KEY, Map.of("status", "PROCESSING"),
			Map.of("status", "PENDING"));

	@Test
	void record_still_holding_before_is_applied() {
		assertThat(CasDecision.decide(update, Map.of("status", "PROCESSING"))).isEqualTo(Outcome.APPLIED);
	}

	@Test
	void record_already_holding_after_is_already_applied() {
		assertThat(CasDecision.decide(update, Map.of("status", "PENDING"))).isEqualTo(Outcome.ALREADY_APPLIED);
	}

	@Test
	void record_holding_anything_else_is_a_conflict() {
		assertThat(CasDecision.decide(update, Map.of("status", "CANCELLED"))).isEqualTo(Outcome.CONFLICT);
	}

	@Test
	void record_missing_a_column_of_before_is_a_conflict() {
		assertThat(CasDecision.decide(update, Map.of("total", 10L))).isEqualTo(Outcome.CONFLICT);
	}

	@Test
	void absent_record_is_applied_for_an_insert() {
		Change insert = new Change("app", "orders", KEY, null, Map.of("id", 1L, "status", "PENDING"));

		assertThat(CasDecision.decide(insert, null)).isEqualTo(Outcome.APPLIED);
	}

	@Test
	void existing_record_is_a_conflict_for_an_insert_with_other_values() {
		Change insert = new Change("app", "orders", KEY, null, Map.of("id", 1L, "status", "PENDING"));

		assertThat(CasDecision.decide(insert, Map.of("id", 1L, "status", "SHIPPED"))).isEqualTo(Outcome.CONFLICT);
	}

	@Test
	void absent_record_is_a_conflict_for_an_update() {
		assertThat(CasDecision.decide(update, null)).isEqualTo(Outcome.CONFLICT);
	}

	@Test
	void absent_record_is_already_applied_for_a_delete() {
		Change delete = new Change("app", "orders", KEY, Map.of("id", 1L, "status", "CANCELLED"), null);

		assertThat(CasDecision.decide(delete, null)).isEqualTo(Outcome.ALREADY_APPLIED);
	}

	@Test
	void existing_record_holding_before_is_applied_for_a_delete() {
		Change delete = new Change("app", "orders", KEY, Map.of("id", 1L, "status", "CANCELLED"), null);

		assertThat(CasDecision.decide(delete, Map.of("id", 1L, "status", "CANCELLED"))).isEqualTo(Outcome.APPLIED);
	}

	@Test
	void numbers_compare_by_value_whatever_their_scale_or_type() {
		Change repricing = new Change("app", "orders", KEY, Map.of("total", new BigDecimal("10.50"), "qty", 2L),
				Map.of("total", new BigDecimal("12.00"), "qty", 3L));

		assertThat(CasDecision.decide(repricing, Map.of("total", new BigDecimal("10.5"), "qty", 2.0)))
			.isEqualTo(Outcome.APPLIED);
		assertThat(CasDecision.decide(repricing, Map.of("total", 12L, "qty", new BigDecimal("3.000"))))
			.isEqualTo(Outcome.ALREADY_APPLIED);
		assertThat(CasDecision.decide(repricing, Map.of("total", new BigDecimal("10.51"), "qty", 2L)))
			.isEqualTo(Outcome.CONFLICT);
	}

	@Test
	void number_does_not_equal_its_text() {
		assertThat(CasDecision.sameValue(10L, "10")).isFalse();
	}

	@Test
	void null_values_match_only_null() {
		Change fill = new Change("app", "orders", KEY, nullable("note", null), Map.of("note", "checked"));

		assertThat(CasDecision.decide(fill, nullable("note", null))).isEqualTo(Outcome.APPLIED);
		assertThat(CasDecision.decide(fill, nullable("note", "other"))).isEqualTo(Outcome.CONFLICT);
		assertThat(CasDecision.decide(fill, Map.of())).as("a missing column is not a null column")
			.isEqualTo(Outcome.CONFLICT);
	}

	@Test
	void null_after_value_already_in_place_is_already_applied() {
		Change clear = new Change("app", "orders", KEY, Map.of("note", "checked"), nullable("note", null));

		assertThat(CasDecision.decide(clear, nullable("note", null))).isEqualTo(Outcome.ALREADY_APPLIED);
	}

	@Test
	void extra_columns_in_the_current_record_are_ignored() {
		Map<String, Object> current = Map.of("id", 1L, "status", "PROCESSING", "total", new BigDecimal("99.00"));

		assertThat(CasDecision.decide(update, current)).isEqualTo(Outcome.APPLIED);
	}

	private static Map<String, Object> nullable(String column, Object value) {
		Map<String, Object> values = new HashMap<>();
		values.put(column, value);
		return values;
	}

}
