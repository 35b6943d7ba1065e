package io.opsbatch.it;

import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;
import java.util.Map;

import io.opsbatch.OpsbatchApplication;
import io.opsbatch.platform.launch.Operations;
import io.opsbatch.platform.schedule.ScheduleProperties;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The orphan scan contract on H2, with a second in-memory H2 database as store {@code other}; and bad input. */
@SpringBootTest(classes = OpsbatchApplication.class,
		properties = { CliTestSupport.CONFIG, CliTestSupport.NO_CLI_RUNNER, CliTestSupport.FIXES, CliTestSupport.RUNS,
				CliTestSupport.SMALL_CHUNKS, "opsbatch.orphans.directory=" + OrphanScanH2IT.RULES,
				"spring.datasource.url=jdbc:h2:mem:orphans;DB_CLOSE_DELAY=-1",
				"opsbatch.stores.other.url=jdbc:h2:mem:orphans-other;DB_CLOSE_DELAY=-1",
				"opsbatch.stores.other.username=sa" })
class OrphanScanH2IT extends OrphanScanContract {

	static final String RULES = "target/it-orphan-rules-h2";

	@Override
	Path rulesDirectory() {
		return Path.of(RULES);
	}

	@Autowired
	Operations operations;

	@Autowired
	ScheduleProperties schedules;

	@Test
	void the_declared_nightly_schedule_launches_the_scan_by_name_with_text_parameters() {
		ScheduleProperties.Schedule nightly = schedules.schedules().stream()
			.filter((s) -> s.name().equals("nightly-orphan-scan"))
			.findFirst()
			.orElseThrow();
		assertThat(nightly.operation()).isEqualTo("orphans.scan");
		assertThat(nightly.enabled()).isTrue();

		JobExecution run = operations.get(nightly.operation()).launch(Map.of("rules", "orders-without-customer"),
				"scheduler");

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(findings.ofRun(run.getId())).singleElement()
			.satisfies((f) -> assertThat(f.count()).isEqualTo(7));
		assertThat(Path.of("target/it-runs/" + run.getId() + "/results.json")).exists();
	}

	@Test
	void a_rule_with_an_unknown_column_is_refused_with_file_and_line_and_nothing_runs() throws Exception {
		Files.writeString(rulesDirectory().resolve("bad-column.yml"), """
				description: a typo
				child:
				  table: orders
				  key: [id]
				  foreign_key: [customer_idd]
				parent:
				  table: customers
				  key: [id]
				""");
		long runs = count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION");

		CliResult scan = opsbatch("orphans", "scan");

		assertThat(scan.exitCode()).as(scan.toString()).isEqualTo(2);
		assertThat(scan.err()).contains("bad-column.yml line 5").contains("customer_idd");
		assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(runs);
		assertThat(count("SELECT COUNT(*) FROM ops_finding")).isZero();
	}

	@Test
	void a_nullify_cleanup_on_a_not_null_foreign_key_is_refused_with_file_line_and_column_and_nothing_runs()
			throws Exception {
		Files.writeString(rulesDirectory().resolve("nullify-not-null.yml"), """
				description: orders.customer_id is NOT NULL
				child:
				  table: orders
				  key: [id]
				  foreign_key: [customer_id]
				parent:
				  table: customers
				  key: [id]
				cleanup: nullify
				""");
		long runs = count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION");
		long plans = count("SELECT COUNT(*) FROM ops_plan");

		CliResult scan = opsbatch("orphans", "scan");
		CliResult cleanup = opsbatch("orphans", "cleanup", "nullify-not-null", "--as", "alice");

		for (CliResult refused : List.of(scan, cleanup)) {
			assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
			assertThat(refused.err()).contains("nullify-not-null.yml line 9")
				.contains("app.orders.customer_id")
				.contains("NOT NULL");
		}
		assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(runs);
		assertThat(count("SELECT COUNT(*) FROM ops_plan")).isEqualTo(plans);
		assertThat(count("SELECT COUNT(*) FROM ops_finding")).isZero();
		assertThat(count("SELECT COUNT(*) FROM orders WHERE customer_id IS NULL")).isZero();
	}

	@Test
	void a_rule_with_an_unknown_table_is_refused_with_file_and_line() throws Exception {
		Files.writeString(rulesDirectory().resolve("bad-table.yml"), """
				description: a typo
				child:
				  table: orders
				  key: [id]
				  foreign_key: [customer_id]
				parent:
				  table: customerz
				  key: [id]
				""");

		CliResult scan = opsbatch("orphans", "scan", "--rule", "bad-table");

		assertThat(scan.exitCode()).as(scan.toString()).isEqualTo(2);
		assertThat(scan.err()).contains("bad-table.yml line 7").contains("customerz");
	}

	@Test
	void malformed_yaml_is_refused_with_file_and_line() throws Exception {
		Files.writeString(rulesDirectory().resolve("broken.yml"), """
				description: broken
				child:
				  table: orders
				  key: [id
				parent: {table: customers}
				""");

		CliResult scan = opsbatch("orphans", "scan", "--rule", "broken");

		assertThat(scan.exitCode()).as(scan.toString()).isEqualTo(2);
		assertThat(scan.err()).containsPattern("broken.yml line \\d+: ");
		assertThat(count("SELECT COUNT(*) FROM ops_finding")).isZero();
	}

	@Test
	void an_unknown_rule_or_strategy_is_an_input_error() {
		assertThat(opsbatch("orphans", "scan", "--rule", "nope").err()).contains("unknown orphan rule 'nope'");
		assertThat(opsbatch("orphans", "scan", "--strategy", "fast").exitCode()).isEqualTo(2);
	}

}
