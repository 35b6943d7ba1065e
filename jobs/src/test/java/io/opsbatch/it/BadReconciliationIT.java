package io.opsbatch.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.opsbatch.OpsbatchApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** An invalid reconciliation file is refused with exit 2, its file and line, before anything runs. */
@SpringBootTest(classes = OpsbatchApplication.class,
		properties = { CliTestSupport.CONFIG, CliTestSupport.NO_CLI_RUNNER, CliTestSupport.RUNS,
				"spring.datasource.url=jdbc:h2:mem:badreconcile;DB_CLOSE_DELAY=-1" })
class BadReconciliationIT extends CliTestSupport {

	static final Path DEFINITIONS = Path.of("target/it-reconciliations/bad");

	static final String VALID = """
			description: balances
			source:
			  store: app
			  query: SELECT account_id AS id, SUM(amount) AS balance FROM ledger_entries GROUP BY account_id
			derived:
			  store: app
			  table: accounts
			  key: [id]
			  fields: [balance]
			correct:
			  mismatched: update
			  missing: report
			  extra: report
			""";

	@DynamicPropertySource
	static void definitions(DynamicPropertyRegistry registry) throws IOException {
		Files.createDirectories(DEFINITIONS);
		write("typo.yml", VALID.replace("derived:", "derivd:"));
		write("bad-table.yml", VALID.replace("table: accounts", "table: acounts"));
		write("bad-field.yml", VALID.replace("fields: [balance]", "fields: [balanse]"));
		write("bad-correction.yml", VALID.replace("mismatched: update", "mismatched: overwrite"));
		write("bad-query.yml", VALID.replace("SUM(amount)", "SUM(amont)"));
		write("text-tolerance.yml", VALID.replace("fields: [balance]", "fields: [currency]")
			.replace("SUM(amount) AS balance", "MIN(description) AS currency") + "tolerance:\n  currency: 1\n");
		write("broken.yml", VALID.replace("key: [id]", "key: [id"));
		registry.add("opsbatch.reconcile.directory", DEFINITIONS::toString);
	}

	private static void write(String name, String text) throws IOException {
		Files.writeString(DEFINITIONS.resolve(name), text);
	}

	private long plans;

	private long runs;

	@BeforeEach
	void rememberState() {
		plans = count("SELECT COUNT(*) FROM ops_plan");
		runs = count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION");
	}

	private void assertRefused(String name, String... fragments) {
		CliResult result = opsbatch("reconcile", name, "--all");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err()).startsWith("error: ").doesNotContain("Exception", "\tat ");
		for (String fragment : fragments) {
			assertThat(result.err()).contains(fragment);
		}
		assertThat(count("SELECT COUNT(*) FROM ops_plan")).isEqualTo(plans);
		assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(runs);
	}

	@Test
	void a_misspelled_section_names_its_line() {
		assertRefused("typo", "typo.yml line 5", "derivd");
	}

	@Test
	void an_unknown_table_names_its_line() {
		assertRefused("bad-table", "bad-table.yml line 7", "acounts");
	}

	@Test
	void an_unknown_field_names_its_line() {
		assertRefused("bad-field", "bad-field.yml line 9", "balanse");
	}

	@Test
	void an_unknown_correction_names_its_line() {
		assertRefused("bad-correction", "bad-correction.yml line 11", "overwrite");
	}

	@Test
	void a_source_query_the_database_refuses_names_its_line() {
		assertRefused("bad-query", "bad-query.yml line 4");
	}

	@Test
	void a_tolerance_on_a_text_column_is_refused() {
		assertRefused("text-tolerance", "text-tolerance.yml line 15", "tolerance.currency");
	}

	@Test
	void a_yaml_syntax_error_names_its_line() {
		assertRefused("broken", "broken.yml line 9");
	}

	@Test
	void an_unknown_reconciliation_lists_the_known_ones() {
		assertRefused("balance", "unknown reconciliation 'balance'");
	}

}
