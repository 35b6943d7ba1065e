package io.opsbatch.platform.cli;

import java.util.Map;

import io.opsbatch.platform.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityTest {

	private static final Map<String, String> ENV_WITH_USER = Map.of("OPSBATCH_USER", "carol");

	@Test
	void as_option_wins_over_the_environment_and_the_os_user() {
		assertThat(Identity.resolve("alice", ENV_WITH_USER, "root")).isEqualTo("alice");
	}

	@Test
	void opsbatch_user_wins_over_the_os_user() {
		assertThat(Identity.resolve(null, ENV_WITH_USER, "root")).isEqualTo("carol");
	}

	@Test
	void os_user_is_used_when_nothing_else_is_given() {
		assertThat(Identity.resolve(null, Map.of(), "root")).isEqualTo("root");
	}

	@Test
	void blank_values_are_skipped() {
		assertThat(Identity.resolve("  ", Map.of("OPSBATCH_USER", ""), "root")).isEqualTo("root");
	}

	@Test
	void identity_is_trimmed() {
		assertThat(Identity.resolve(" alice ", Map.of(), "root")).isEqualTo("alice");
	}

	@Test
	void no_identity_at_all_is_refused() {
		assertThatThrownBy(() -> Identity.resolve(null, Map.of(), " ")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("--as");
	}

	@ParameterizedTest
	@ValueSource(strings = { "alice smith", "alice'--", "bob\"", "bob;drop", "a/b" })
	void invalid_user_names_are_refused(String name) {
		assertThatThrownBy(() -> Identity.resolve(name, Map.of(), "root")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("not a valid user name");
	}

	@ParameterizedTest
	@ValueSource(strings = { "alice.smith", "ops_bot-2", "bob@example.com", "renée" })
	void ordinary_user_names_are_accepted(String name) {
		assertThat(Identity.resolve(name, Map.of(), "root")).isEqualTo(name);
	}

}
