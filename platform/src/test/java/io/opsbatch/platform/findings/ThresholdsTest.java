package io.opsbatch.platform.findings;

import io.opsbatch.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThresholdsTest {

	@Test
	void the_runbook_default_rates_0_ok_1_to_5_individual_6_and_more_issue() {
		Thresholds runbook = Thresholds.DEFAULT;

		assertThat(runbook.rate(0)).isEqualTo(Severity.OK);
		assertThat(runbook.rate(1)).isEqualTo(Severity.INDIVIDUAL);
		assertThat(runbook.rate(5)).isEqualTo(Severity.INDIVIDUAL);
		assertThat(runbook.rate(6)).isEqualTo(Severity.ISSUE);
		assertThat(runbook.rate(1_000_000)).isEqualTo(Severity.ISSUE);
		assertThat(runbook.describe()).isEqualTo("OK 0, INDIVIDUAL 1-5, ISSUE >= 6");
	}

	@Test
	void absent_conditions_keep_the_default() {
		assertThat(Thresholds.of(null, null)).isEqualTo(Thresholds.DEFAULT);
	}

	@Test
	void dbt_style_overrides_move_the_edges() {
		Thresholds thresholds = Thresholds.of("> 2", ">= 10");

		assertThat(thresholds.rate(0)).isEqualTo(Severity.OK);
		assertThat(thresholds.rate(2)).isEqualTo(Severity.OK);
		assertThat(thresholds.rate(3)).isEqualTo(Severity.INDIVIDUAL);
		assertThat(thresholds.rate(9)).isEqualTo(Severity.INDIVIDUAL);
		assertThat(thresholds.rate(10)).isEqualTo(Severity.ISSUE);
	}

	@Test
	void an_issue_at_the_first_orphan_leaves_no_individual_range() {
		Thresholds thresholds = Thresholds.of(null, "> 0");

		assertThat(thresholds.rate(0)).isEqualTo(Severity.OK);
		assertThat(thresholds.rate(1)).isEqualTo(Severity.ISSUE);
		assertThat(thresholds.describe()).isEqualTo("OK 0, INDIVIDUAL none, ISSUE >= 1");
	}

	@Test
	void a_higher_individual_bound_raises_the_default_issue_bound_with_it() {
		Thresholds thresholds = Thresholds.of(">= 8", null);

		assertThat(thresholds.rate(7)).isEqualTo(Severity.OK);
		assertThat(thresholds.rate(8)).isEqualTo(Severity.ISSUE);
	}

	@Test
	void malformed_or_inverted_conditions_are_refused() {
		assertThatThrownBy(() -> Thresholds.of("more than 3", null)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("'> n' or '>= n'");
		assertThatThrownBy(() -> Thresholds.of(">= 10", ">= 5")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("must not be below");
		assertThatThrownBy(() -> Thresholds.of(">= 0", null)).isInstanceOf(InvalidInputException.class);
	}

}
