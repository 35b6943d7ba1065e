package io.opsbatch.platform.cli;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TargetEnvironmentTest {

	@ParameterizedTest
	@ValueSource(strings = { "prod", "PROD", "Prod" })
	void environment_named_prod_in_any_case_is_protected(String name) {
		assertThat(TargetEnvironment.isProtected(name, List.of())).isTrue();
	}

	@Test
	void environment_running_with_a_prod_profile_is_protected() {
		assertThat(TargetEnvironment.isProtected("eu-west", List.of("postgres", "prod"))).isTrue();
		assertThat(TargetEnvironment.isProtected("eu-west", List.of("PROD"))).isTrue();
	}

	@Test
	void environment_without_prod_name_or_profile_is_not_protected() {
		assertThat(TargetEnvironment.isProtected("staging", List.of("postgres"))).isFalse();
		assertThat(TargetEnvironment.isProtected("local", List.of())).isFalse();
	}

}
