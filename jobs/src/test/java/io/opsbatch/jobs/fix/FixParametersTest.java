package io.opsbatch.jobs.fix;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.opsbatch.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FixParametersTest {

	private static final Instant NOW = Instant.parse("2026-11-30T08:15:30.456Z");

	private final FixDefinition fix = fix(
			new FixParameter("customer_id", ParameterType.LONG, null, true, null, "the customer"),
			new FixParameter("reason", ParameterType.STRING, "FRAUD", false, Pattern.compile("[A-Z_]{1,20}"), null),
			new FixParameter("stuck_before", ParameterType.AGE, "14d", false, null, null));

	@Test
	void given_values_are_resolved_and_defaults_applied() {
		Map<String, Object> resolved = FixParameters.resolve(fix, Map.of("customer_id", "42"), NOW);

		assertThat(resolved).containsEntry("customer_id", 42L)
			.containsEntry("reason", "FRAUD")
			.containsEntry("stuck_before", "2026-11-16T08:15:30");
	}

	@Test
	void given_value_wins_over_the_default() {
		Map<String, Object> resolved = FixParameters.resolve(fix, Map.of("customer_id", "42", "reason", "CHARGEBACK"),
				NOW);

		assertThat(resolved).containsEntry("reason", "CHARGEBACK");
	}

	@Test
	void now_is_always_present_as_the_utc_start_of_the_dry_run() {
		FixDefinition noParameters = fix();

		assertThat(FixParameters.resolve(noParameters, Map.of(), NOW)).containsExactly(
				Map.entry(FixParameters.NOW, "2026-11-30T08:15:30"));
		assertThat(FixParameters.resolve(fix, Map.of("customer_id", "42"), NOW)).containsEntry(FixParameters.NOW,
				"2026-11-30T08:15:30");
	}

	@Test
	void unknown_parameter_is_refused_by_name() {
		assertThatThrownBy(() -> FixParameters.resolve(fix, Map.of("customer_id", "42", "customer", "7"), NOW))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("unknown parameter 'customer'")
			.hasMessageContaining("declared: customer_id, reason, stuck_before");
	}

	@Test
	void now_cannot_be_overridden_by_the_operator() {
		assertThatThrownBy(() -> FixParameters.resolve(fix, Map.of("customer_id", "42", "now", "2020-01-01T00:00"), NOW))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("unknown parameter 'now'");
	}

	@Test
	void missing_required_parameter_is_refused_with_what_it_expects() {
		assertThatThrownBy(() -> FixParameters.resolve(fix, Map.of(), NOW)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("missing parameter")
			.hasMessageContaining("--param customer_id=<an integer>")
			.hasMessageContaining("the customer");
	}

	@Test
	void value_not_matching_the_pattern_is_refused() {
		Map<String, String> raw = Map.of("customer_id", "42", "reason", "X'; DROP TABLE orders; --");

		assertThatThrownBy(() -> FixParameters.resolve(fix, raw, NOW)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("parameter 'reason'")
			.hasMessageContaining("does not match [A-Z_]{1,20}");
	}

	@Test
	void value_of_the_wrong_type_is_refused_naming_the_parameter() {
		assertThatThrownBy(() -> FixParameters.resolve(fix, Map.of("customer_id", "1 OR 1=1"), NOW))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("parameter 'customer_id'")
			.hasMessageContaining("must be an integer");
	}

	private static FixDefinition fix(FixParameter... parameters) {
		Map<String, FixParameter> declared = new LinkedHashMap<>();
		for (FixParameter parameter : parameters) {
			declared.put(parameter.name(), parameter);
		}
		return new FixDefinition("cancel-customer-orders", "Cancel the open orders of one customer", "OPS-1301", "app",
				"orders", List.of("id"), FixAction.UPDATE, "customer_id = :customer_id", declared,
				Map.of("status", "CANCELLED"), null);
	}

}
