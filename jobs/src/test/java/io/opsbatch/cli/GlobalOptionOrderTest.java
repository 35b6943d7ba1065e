package io.opsbatch.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GlobalOptionOrderTest {

	@Test
	void options_before_the_command_move_after_it() {
		assertThat(GlobalOptionOrder.normalize("--json", "--as", "bob", "runs", "show", "7"))
			.containsExactly("runs", "show", "7", "--json", "--as", "bob");
		assertThat(GlobalOptionOrder.normalize("--as=bob", "--debug", "approve", "p-1"))
			.containsExactly("approve", "p-1", "--as=bob", "--debug");
	}

	@Test
	void a_command_line_with_the_options_after_the_command_is_left_as_it_is() {
		String[] args = { "fix", "reset-stuck-orders", "--json", "--param", "stuck_before=14d" };

		assertThat(GlobalOptionOrder.normalize(args)).isSameAs(args);
	}

	@Test
	void options_alone_or_other_leading_options_are_left_for_the_parser() {
		assertThat(GlobalOptionOrder.normalize("--json")).containsExactly("--json");
		assertThat(GlobalOptionOrder.normalize("--help")).containsExactly("--help");
		assertThat(GlobalOptionOrder.normalize("--as")).containsExactly("--as");
	}

}
