package io.opsbatch.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.opsbatch.OpsbatchApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input gets exit code 2, one line naming the file, line or parameter, and changes nothing: no plan, no run, no
 * row of the target.
 */
@SpringBootTest(classes = OpsbatchApplication.class,
		properties = { CliTestSupport.CONFIG, CliTestSupport.NO_CLI_RUNNER, CliTestSupport.RUNS,
				"spring.datasource.url=jdbc:h2:mem:badinput;DB_CLOSE_DELAY=-1" })
class BadInputIT extends CliTestSupport {

	static final Path FIXES = Path.of("target/it-fixes/bad-input");

	@DynamicPropertySource
	static void fixes(DynamicPropertyRegistry registry) throws IOException {
		Files.createDirectories(FIXES);
		try (Stream<Path> files = Files.list(Path.of("../config/fixes"))) {
			for (Path file : files.toList()) {
				Files.copy(file, FIXES.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
		}
		write("broken-syntax.yml", """
				description: a fix with a YAML error
				store: app
				table: orders
				key: [id
				where: "status = 'X'"
				set:
				  status: Y
				""");
		write("typo-key.yml", """
				description: a fix with a misspelled key
				store: app
				table: orders
				key: [id]
				where: "status = 'X'"
				sett:
				  status: Y
				""");
		write("unknown-table.yml", """
				description: a fix on a table that does not exist
				store: app
				table: ordres
				key: [id]
				where: "status = 'X'"
				set:
				  status: Y
				""");
		write("unknown-column.yml", """
				description: a fix setting a column that does not exist
				store: app
				table: orders
				key: [id]
				where: "status = 'X'"
				set:
				  status: Y
				  shipped_by: nobody
				""");
		write("bad-where.yml", """
				description: a fix whose selection names a missing column
				store: app
				table: orders
				key: [id]
				where: "state = 'X'"
				set:
				  status: Y
				""");
		write("unknown-store.yml", """
				description: a fix on a store that is not configured
				store: warehouse
				table: orders
				key: [id]
				where: "status = 'X'"
				set:
				  status: Y
				""");
		write("orders-by-status.yml", """
				description: move orders of one status to ON_HOLD
				store: app
				table: orders
				key: [id]
				where: "status = :status"
				params:
				  status:
				    type: string
				    required: true
				set:
				  status: ON_HOLD
				""");
		registry.add("opsbatch.fixes.directory", FIXES::toString);
	}

	private static void write(String name, String text) {
		try {
			Files.writeString(FIXES.resolve(name), text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private List<Map<String, Object>> orders;

	private long plans;

	private long runs;

	@BeforeEach
	void rememberState() {
		orders = snapshot("orders", "id");
		plans = count("SELECT COUNT(*) FROM ops_plan");
		runs = count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION");
	}

	private void assertRefusedAsInvalid(CliResult result, String... fragments) {
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err().lines().filter((line) -> !line.isBlank()).count()).as(result.err()).isBetween(1L, 2L);
		assertThat(result.err()).startsWith("error: ").doesNotContain("Exception", "\tat ");
		for (String fragment : fragments) {
			assertThat(result.err()).contains(fragment);
		}
		assertThat(snapshot("orders", "id")).isEqualTo(orders);
		assertThat(count("SELECT COUNT(*) FROM ops_plan")).isEqualTo(plans);
		assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(runs);
	}

	@Test
	void an_unknown_fix_is_refused_naming_the_known_ones() {
		assertRefusedAsInvalid(opsbatch("fix", "reset-stuck-order"), "unknown fix 'reset-stuck-order'",
				"reset-stuck-orders");
	}

	@Test
	void with_json_a_refused_command_prints_a_document_naming_the_error_and_exit_code() {
		CliResult result = opsbatch("fix", "reset-stuck-order", "--json");

		assertRefusedAsInvalid(result, "unknown fix 'reset-stuck-order'");
		Map<String, Object> document = io.opsbatch.platform.plan.CanonicalJson.readMap(result.out());
		assertThat(document).containsEntry("exitCode", 2L);
		assertThat((String) document.get("error")).contains("unknown fix 'reset-stuck-order'");
		assertThat(document).containsKey("environment");
	}

	@Test
	void a_fix_id_that_is_a_path_is_refused() {
		assertRefusedAsInvalid(opsbatch("fix", "../../etc/passwd"), "malformed");
	}

	@Test
	void a_missing_required_parameter_is_refused() {
		assertRefusedAsInvalid(opsbatch("fix", "cancel-orders-of-customer"), "missing parameter",
				"--param customer_id=");
	}

	@Test
	void a_malformed_parameter_is_refused() {
		assertRefusedAsInvalid(opsbatch("fix", "cancel-orders-of-customer", "--param", "customer_id=abc"),
				"parameter 'customer_id'", "must be an integer, got 'abc'");
	}

	@Test
	void sql_in_a_typed_parameter_is_refused() {
		assertRefusedAsInvalid(opsbatch("fix", "cancel-orders-of-customer", "--param", "customer_id=1 OR 1=1"),
				"parameter 'customer_id'");
	}

	@Test
	void sql_in_a_text_parameter_with_a_pattern_is_refused() {
		assertRefusedAsInvalid(opsbatch("fix", "cancel-orders-of-customer", "--param", "customer_id=5", "--param",
				"reason=X'; DROP TABLE orders; --"), "parameter 'reason'", "does not match");
		assertThat(count("SELECT COUNT(*) FROM orders")).isPositive();
	}

	@Test
	void sql_in_a_free_text_parameter_is_bound_as_a_value_and_selects_nothing() {
		CliResult result = opsbatch("fix", "orders-by-status", "--param", "status=PROCESSING' OR '1'='1");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.field("affected")).isEqualTo("0");
		assertThat(snapshot("orders", "id")).isEqualTo(orders);
	}

	@Test
	void an_undeclared_parameter_is_refused() {
		assertRefusedAsInvalid(opsbatch("fix", "reset-stuck-orders", "--param", "stuck_for=3d"),
				"unknown parameter 'stuck_for'", "stuck_before");
	}

	@Test
	void a_parameter_without_a_value_is_refused() {
		assertRefusedAsInvalid(opsbatch("fix", "reset-stuck-orders", "--param", "stuck_before"), "name=value");
	}

	@Test
	void a_yaml_syntax_error_names_the_file_and_line() {
		assertRefusedAsInvalid(opsbatch("fix", "broken-syntax"), "broken-syntax.yml line 5");
	}

	@Test
	void a_misspelled_key_names_the_file_and_line() {
		assertRefusedAsInvalid(opsbatch("fix", "typo-key"), "typo-key.yml line 6", "sett");
	}

	@Test
	void an_unknown_table_names_the_file_and_line() {
		assertRefusedAsInvalid(opsbatch("fix", "unknown-table"), "unknown-table.yml line 3", "unknown table 'ordres'");
	}

	@Test
	void an_unknown_column_names_the_file_and_line() {
		assertRefusedAsInvalid(opsbatch("fix", "unknown-column"), "unknown-column.yml line 8",
				"unknown column 'shipped_by'");
	}

	@Test
	void a_selection_the_database_refuses_names_the_file_and_line() {
		assertRefusedAsInvalid(opsbatch("fix", "bad-where"), "bad-where.yml line 5", "refused the selection");
	}

	@Test
	void an_unknown_store_is_refused() {
		assertRefusedAsInvalid(opsbatch("fix", "unknown-store"), "unknown store 'warehouse'");
	}

	@Test
	void an_unknown_plan_or_run_is_refused() {
		assertRefusedAsInvalid(opsbatch("approve", "no-such-plan", "--as", "bob"), "no plan with id 'no-such-plan'");
		assertRefusedAsInvalid(opsbatch("execute", "no-such-plan"), "no plan with id");
		assertRefusedAsInvalid(opsbatch("rollback", "999999"), "no run 999999");
		assertRefusedAsInvalid(opsbatch("runs", "show", "999999"), "no run 999999");
	}

	@Test
	void an_unknown_command_or_option_is_a_usage_error() {
		assertRefusedAsInvalid(opsbatch("fixx", "reset-stuck-orders"), "Unmatched argument");
		assertRefusedAsInvalid(opsbatch("fix", "reset-stuck-orders", "--exceute"), "Unknown option");
		assertRefusedAsInvalid(opsbatch("runs", "show", "abc"), "Invalid value");
		CliResult typo = opsbatch("fix", "reset-stuck-orders", "--exceute");
		assertThat(typo.out().lines().findFirst().orElse("")).as("the environment comes first")
			.startsWith("environment: ");
	}

	@Test
	void an_invalid_user_name_is_refused() {
		assertRefusedAsInvalid(opsbatch("fix", "reset-stuck-orders", "--as", "bob; rm -rf /"), "not a valid user name");
	}

	@Test
	void rollback_of_a_dry_run_is_refused() {
		CliResult dryRun = opsbatch("fix", "reset-stuck-orders", "--as", "alice");
		rememberState();

		assertRefusedAsInvalid(opsbatch("rollback", String.valueOf(dryRun.run())), "only execute runs");
	}

}
