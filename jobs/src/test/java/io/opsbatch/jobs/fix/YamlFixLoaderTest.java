package io.opsbatch.jobs.fix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YamlFixLoaderTest {

	@TempDir
	Path dir;

	@Test
	void valid_update_fix_loads_with_its_parameters_and_set() throws IOException {
		Path file = write("cancel-customer-orders", """
				description: Cancel the open orders of one customer
				ticket: OPS-1301
				store: app
				table: orders
				key: [id]
				action: update
				where: "customer_id = :customer_id AND status IN ('PENDING', 'PROCESSING')"
				params:
				  customer_id:
				    type: int
				    description: the customer
				  reason:
				    default: FRAUD
				    pattern: "[A-Z_]{1,20}"
				set:
				  status: CANCELLED
				  note: ${reason}
				  updated_at: ${now}
				""");

		FixDefinition fix = YamlFixLoader.load("cancel-customer-orders", file);

		assertThat(fix.id()).isEqualTo("cancel-customer-orders");
		assertThat(fix.action()).isEqualTo("fix.cancel-customer-orders");
		assertThat(fix.description()).isEqualTo("Cancel the open orders of one customer");
		assertThat(fix.ticket()).isEqualTo("OPS-1301");
		assertThat(fix.store()).isEqualTo("app");
		assertThat(fix.table()).isEqualTo("orders");
		assertThat(fix.key()).containsExactly("id");
		assertThat(fix.kind()).isEqualTo(FixAction.UPDATE);
		assertThat(fix.where()).isEqualTo("customer_id = :customer_id AND status IN ('PENDING', 'PROCESSING')");
		assertThat(fix.set()).containsExactly(Map.entry("status", "CANCELLED"), Map.entry("note", "${reason}"),
				Map.entry("updated_at", "${now}"));
		assertThat(fix.source()).isEqualTo(file);

		FixParameter customer = fix.parameters().get("customer_id");
		assertThat(customer.type()).isEqualTo(ParameterType.LONG);
		assertThat(customer.required()).as("no default, so required").isTrue();
		assertThat(customer.description()).isEqualTo("the customer");
		FixParameter reason = fix.parameters().get("reason");
		assertThat(reason.type()).isEqualTo(ParameterType.STRING);
		assertThat(reason.defaultValue()).isEqualTo("FRAUD");
		assertThat(reason.required()).isFalse();
		assertThat(reason.pattern().pattern()).isEqualTo("[A-Z_]{1,20}");
	}

	@Test
	void valid_delete_fix_loads_without_set() throws IOException {
		Path file = write("delete-orphans", """
				description: Delete order items whose order no longer exists
				store: app
				table: order_items
				key: [id]
				action: delete
				where: "order_id NOT IN (SELECT id FROM orders)"
				""");

		FixDefinition fix = YamlFixLoader.load("delete-orphans", file);

		assertThat(fix.kind()).isEqualTo(FixAction.DELETE);
		assertThat(fix.set()).isEmpty();
		assertThat(fix.parameters()).isEmpty();
	}

	@Test
	void syntax_error_is_reported_with_the_file_and_line() throws IOException {
		Path file = write("broken", """
				description: Reset stuck orders
				store: app
				table: orders
				key: [id]
				where: "status = 'PROCESSING'"
				set:
				  status: PENDING
				    updated_at: ${now}
				""");

		assertRefused(file, file + " line 8:");
	}

	@Test
	void a_key_that_is_not_a_list_is_reported_in_the_files_terms() throws IOException {
		Path file = write("scalar-key", """
				description: Reset stuck orders
				store: app
				table: orders
				key: id
				where: "status = 'PROCESSING'"
				set:
				  status: PENDING
				""");

		assertRefused(file, file + " line 4:", "'key' must be a list");
	}

	@Test
	void a_where_clause_referring_to_an_undeclared_parameter_is_refused_at_load() throws IOException {
		Path file = write("undeclared", """
				description: Reset stuck orders
				store: app
				table: orders
				key: [id]
				where: "status = 'PROCESSING' AND updated_at < :stuck_before AND created_at::date > '2026-01-01'"
				set:
				  status: PENDING
				""");

		assertRefused(file, file + " line 5:", "undeclared parameter ':stuck_before'");
	}

	@Test
	void a_where_clause_with_casts_and_quoted_colons_needs_no_parameters() throws IOException {
		Path file = write("casts", """
				description: Reset stuck orders
				store: app
				table: orders
				key: [id]
				where: "status = 'PROCESSING' AND note <> 'at 10:30' AND created_at::date > '2026-01-01'"
				set:
				  status: PENDING
				""");

		assertThat(YamlFixLoader.load("casts", file).where()).contains("::date");
	}

	@Test
	void unknown_top_level_key_is_reported_with_its_line() throws IOException {
		Path file = write("typo", """
				description: Reset stuck orders
				store: app
				table: orders
				key: [id]
				where: "status = 'PROCESSING'"
				sett:
				  status: PENDING
				""");

		assertRefused(file, file + " line 6:", "sett");
	}

	@Test
	void missing_table_is_named() throws IOException {
		Path file = write("no-table", """
				description: Reset stuck orders
				store: app
				key: [id]
				where: "status = 'PROCESSING'"
				set:
				  status: PENDING
				""");

		assertRefused(file, file.toString(), "missing 'table'");
	}

	@Test
	void update_without_set_is_refused() throws IOException {
		Path file = write("no-set", """
				description: Reset stuck orders
				store: app
				table: orders
				key: [id]
				where: "status = 'PROCESSING'"
				""");

		assertRefused(file, "an update fix needs 'set'");
	}

	@Test
	void delete_with_set_is_refused_at_the_line_of_set() throws IOException {
		Path file = write("delete-with-set", """
				description: Delete cancelled orders
				store: app
				table: orders
				key: [id]
				action: delete
				where: "status = 'CANCELLED'"
				set:
				  status: DELETED
				""");

		assertRefused(file, file + " line 7:", "a delete fix cannot have 'set'");
	}

	@Test
	void set_referring_to_an_undeclared_parameter_is_refused_at_the_line_of_its_key() throws IOException {
		Path file = write("undeclared", """
				description: Reset stuck orders
				store: app
				table: orders
				key: [id]
				where: "status = 'PROCESSING'"
				set:
				  status: PENDING
				  updated_at: ${stuck_since}
				""");

		assertRefused(file, file + " line 8:", "undeclared parameter 'stuck_since'");
	}

	@Test
	void set_error_points_at_the_set_key_even_when_a_parameter_uses_the_same_key() throws IOException {
		Path file = write("same-key", """
				description: Retype stuck orders
				store: app
				table: orders
				key: [id]
				where: "status = :status"
				params:
				  status:
				    type: string
				set:
				  type: ${kind}
				""");

		assertRefused(file, file + " line 10:", "undeclared parameter 'kind'");
	}

	@Test
	void unknown_parameter_type_is_refused_at_the_line_of_the_parameter() throws IOException {
		Path file = write("bad-type", """
				description: Reset stuck orders
				store: app
				table: orders
				key: [id]
				where: "updated_at < :stuck_before"
				params:
				  stuck_before:
				    type: duration
				set:
				  status: PENDING
				""");

		assertRefused(file, file + " line 7:", "unknown type 'duration'");
	}

	@Test
	void parameter_named_now_is_refused() throws IOException {
		Path file = write("shadow-now", """
				description: Reset stuck orders
				store: app
				table: orders
				key: [id]
				where: "updated_at < :now"
				params:
				  now:
				    type: timestamp
				set:
				  status: PENDING
				""");

		assertRefused(file, file + " line 7:", "not 'now'");
	}

	private Path write(String id, String yaml) throws IOException {
		return Files.writeString(dir.resolve(id + ".yml"), yaml);
	}

	private static void assertRefused(Path file, String... fragments) {
		String id = file.getFileName().toString().replace(".yml", "");
		assertThatThrownBy(() -> YamlFixLoader.load(id, file)).isInstanceOf(InvalidFixException.class)
			.hasMessageContainingAll(fragments);
	}

}
