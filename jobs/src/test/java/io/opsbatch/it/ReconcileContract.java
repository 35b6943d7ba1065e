package io.opsbatch.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.opsbatch.platform.launch.Operations;
import io.opsbatch.platform.schedule.ScheduleProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconciliation through the CLI against a real database, bound to H2 and PostgreSQL by subclasses. The demo's
 * accounts 7, 23, 42, 77 and 101 have balances that differ from the sum of their ledger entries. A second store,
 * {@code second}, is another database for cross-store comparisons.
 */
abstract class ReconcileContract extends CliTestSupport {

	/** Where the tests' definitions are: the shipped ones plus test-only ones. */
	static final String DIRECTORY = "opsbatch.reconcile.directory=target/it-reconciliations";

	/** Small segments, so bisection recurses even on small tables. */
	static final String SMALL_SEGMENTS = "opsbatch.reconcile.bisection-factor=4";

	static final String SMALL_THRESHOLD = "opsbatch.reconcile.bisection-threshold=3";

	static final List<Long> WRONG = List.of(7L, 23L, 42L, 77L, 101L);

	/** Labels a row's text encoding must keep apart: separators, the null marker, empty. */
	static final List<String> LABELS = List.of("L0", "L1", "L2", "L3", "|", "L1|", "\\N", "");

	@Autowired
	Operations operations;

	@Autowired
	ScheduleProperties schedules;

	/** The second store's database. */
	abstract JdbcTemplate second();

	static {
		try {
			Path directory = Path.of("target/it-reconciliations");
			Files.createDirectories(directory);
			Files.copy(Path.of("../config/reconciliations/balances.yml"), directory.resolve("balances.yml"),
					java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			Files.writeString(directory.resolve("balances-full.yml"), """
					description: balances, inserting missing accounts and deleting accounts without entries
					source:
					  store: app
					  query: SELECT account_id AS id, SUM(amount) AS balance FROM ledger_entries GROUP BY account_id
					derived:
					  store: app
					  table: accounts
					  key: [id]
					  fields: [balance]
					correct:
					  missing: insert
					  extra: delete
					  insert-values: {customer_id: 0, currency: EUR, updated_at: "2020-01-01T00:00:00"}
					""");
			for (String store : List.of("app", "second")) {
				String suffix = store.equals("app") ? "" : "-second";
				Files.writeString(directory.resolve("balances-tolerant" + suffix + ".yml"), """
						description: balances within 10.42
						source:
						  store: app
						  query: SELECT account_id AS id, SUM(amount) AS balance FROM ledger_entries GROUP BY account_id
						derived: {store: %s, table: accounts, key: [id], fields: [balance]}
						tolerance: {balance: 10.42}
						""".formatted(store));
			}
			for (String store : List.of("app", "second")) {
				for (String suffix : List.of("", "_t")) {
					Files.writeString(directory.resolve("random" + suffix.replace('_', '-') + "-" + store + ".yml"), """
							description: randomized data
							source: {store: app, table: rec_source%s}
							derived: {store: %s, table: rec_derived%s, key: [id], fields: [amount, label]}
							correct: {missing: insert, extra: delete}
							""".formatted(suffix, store, suffix));
				}
			}
			for (String store : List.of("app", "second")) {
				String suffix = store.equals("app") ? "" : "-second";
				Files.writeString(directory.resolve("entries" + suffix + ".yml"), """
						description: one row per ledger entry, so several rows per account
						source: {store: app, query: "SELECT account_id AS id, amount AS balance FROM ledger_entries"}
						derived: {store: %s, table: accounts, key: [id], fields: [balance]}
						""".formatted(store));
				Files.writeString(directory.resolve("null-key" + suffix + ".yml"), """
						description: balances, the key of account 42 lost
						source:
						  store: app
						  query: >-
						    SELECT NULLIF(account_id, 42) AS id, SUM(amount) AS balance FROM ledger_entries
						    GROUP BY account_id
						derived: {store: %s, table: accounts, key: [id], fields: [balance]}
						correct:
						  missing: insert
						  insert-values: {customer_id: 0, currency: EUR, updated_at: "2020-01-01T00:00:00"}
						""".formatted(store));
			}
			Files.writeString(directory.resolve("balances-second.yml"), """
					description: balances of the copy of accounts in the second store
					source:
					  store: app
					  query: SELECT account_id AS id, SUM(amount) AS balance FROM ledger_entries GROUP BY account_id
					derived: {store: second, table: accounts, key: [id], fields: [balance]}
					""");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void all_counts_every_category_and_plans_the_wrong_balances_without_changing_them() {
		List<Map<String, Object>> before = snapshot("accounts", "id");

		CliResult dryRun = opsbatch("reconcile", "balances", "--all", "--as", "alice");

		assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
		assertThat(dryRun.field("strategy")).startsWith("join");
		assertThat(dryRun.field("matching")).isEqualTo("115");
		assertThat(dryRun.field("mismatched")).isEqualTo("5");
		assertThat(dryRun.field("missing")).isEqualTo("0");
		assertThat(dryRun.field("extra")).isEqualTo("0");
		assertThat(dryRun.out()).containsPattern("id=42 +mismatched +balance");
		assertThat(snapshot("accounts", "id")).isEqualTo(before);
		assertThat(jdbc.queryForList("SELECT key_json FROM ops_plan_item WHERE plan_id = ? ORDER BY seq", String.class,
				dryRun.plan()))
			.containsExactlyElementsOf(WRONG.stream().map((id) -> "{\"id\":" + id + "}").toList());
		assertThat(jdbc.queryForObject("SELECT status FROM ops_plan WHERE id = ?", String.class, dryRun.plan()))
			.isEqualTo("PENDING");
	}

	@Test
	void one_resource_is_reconciled_alone() {
		CliResult wrong = opsbatch("reconcile", "balances", "42", "--as", "alice");
		CliResult right = opsbatch("reconcile", "balances", "1", "--as", "alice");

		assertThat(wrong.exitCode()).as(wrong.toString()).isZero();
		assertThat(wrong.field("scope")).isEqualTo("42");
		assertThat(wrong.field("mismatched")).isEqualTo("1");
		assertThat(wrong.field("matching")).isEqualTo("0");
		assertThat(jdbc.queryForObject("SELECT after_json FROM ops_plan_item WHERE plan_id = ?", String.class,
				wrong.plan()))
			.isEqualTo("{\"balance\":" + ledgerSum(42) + "}");
		assertThat(right.field("matching")).isEqualTo("1");
		assertThat(right.field("affected")).isEqualTo("0");
	}

	@Test
	void a_resource_that_does_not_exist_is_exit_2_with_a_clear_message() {
		long plans = count("SELECT COUNT(*) FROM ops_plan");

		CliResult result = opsbatch("reconcile", "balances", "4242", "--as", "alice");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("no resource with id = 4242").contains("neither the source");
		assertThat(count("SELECT COUNT(*) FROM ops_plan")).isEqualTo(plans);
	}

	@Test
	void missing_rows_are_inserted_extra_rows_deleted_and_rollback_restores_them() {
		jdbc.update("DELETE FROM accounts WHERE id = 23");
		jdbc.update("INSERT INTO accounts (id, customer_id, currency, balance, updated_at) "
				+ "VALUES (999, 1, 'EUR', 5.00, TIMESTAMP '2024-01-01 00:00:00')");
		List<Map<String, Object>> original = snapshot("accounts", "id");

		CliResult dryRun = opsbatch("reconcile", "balances-full", "--all", "--as", "alice");
		assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
		assertThat(List.of(dryRun.field("matching"), dryRun.field("mismatched"), dryRun.field("missing"),
				dryRun.field("extra")))
			.containsExactly("115", "4", "1", "1");
		assertThat(dryRun.field("affected")).isEqualTo("6");
		opsbatch("approve", dryRun.plan(), "--as", "bob");
		CliResult execute = opsbatch("reconcile", "balances-full", "--execute", "--plan", dryRun.plan(), "--as", "bob");

		assertThat(execute.exitCode()).as(execute.toString()).isZero();
		assertThat(execute.field("applied")).isEqualTo("6");
		assertThat(count("SELECT COUNT(*) FROM accounts WHERE id = 999")).isZero();
		assertThat(jdbc.queryForObject("SELECT balance FROM accounts WHERE id = 23", BigDecimal.class))
			.isEqualByComparingTo(ledgerSum(23));
		CliResult again = opsbatch("reconcile", "balances-full", "--all", "--as", "alice");
		assertThat(again.field("matching")).isEqualTo("120");
		assertThat(again.field("affected")).isEqualTo("0");

		CliResult rollback = opsbatch("rollback", String.valueOf(execute.run()), "--as", "alice");
		opsbatch("approve", rollback.plan(), "--as", "bob");
		CliResult undo = opsbatch("execute", rollback.plan(), "--as", "bob");
		assertThat(undo.exitCode()).as(undo.toString()).isZero();
		assertThat(snapshot("accounts", "id")).isEqualTo(original);
	}

	@Test
	void execute_corrects_exactly_the_planned_differences() {
		CliResult dryRun = opsbatch("reconcile", "balances", "--all", "--as", "alice");
		jdbc.update("UPDATE accounts SET balance = balance + 1 WHERE id = 1");
		opsbatch("approve", dryRun.plan(), "--as", "bob");

		CliResult execute = opsbatch("reconcile", "balances", "--execute", "--plan", dryRun.plan(), "--as", "bob");

		assertThat(execute.exitCode()).as(execute.toString()).isZero();
		assertThat(execute.field("applied")).isEqualTo("5");
		for (long id : WRONG) {
			assertThat(balance(id)).isEqualByComparingTo(ledgerSum(id));
		}
		assertThat(balance(1)).isEqualByComparingTo(ledgerSum(1).add(BigDecimal.ONE));
		CliResult next = opsbatch("reconcile", "balances", "--all", "--as", "alice");
		assertThat(next.field("mismatched")).isEqualTo("1");
	}

	@Test
	void a_derived_row_changed_after_the_dry_run_is_a_conflict_and_stays_untouched() {
		CliResult dryRun = opsbatch("reconcile", "balances", "--all", "--as", "alice");
		opsbatch("approve", dryRun.plan(), "--as", "bob");
		jdbc.update("UPDATE accounts SET balance = 1.00 WHERE id = 42");

		CliResult execute = opsbatch("execute", dryRun.plan(), "--as", "bob");

		assertThat(execute.exitCode()).as(execute.toString()).isEqualTo(4);
		assertThat(execute.field("applied")).isEqualTo("4");
		assertThat(execute.field("conflicts")).isEqualTo("1");
		assertThat(execute.out()).contains("review them, then run the reconciliation again to plan what still differs: "
				+ "opsbatch reconcile balances --all").doesNotContain("plan a new fix");
		assertThat(balance(42)).isEqualByComparingTo("1.00");
	}

	@Test
	void rollback_of_a_reconciliation_restores_every_balance() {
		List<Map<String, Object>> original = snapshot("accounts", "id");
		CliResult dryRun = opsbatch("reconcile", "balances", "--all", "--as", "alice");
		opsbatch("approve", dryRun.plan(), "--as", "bob");
		CliResult execute = opsbatch("execute", dryRun.plan(), "--as", "bob");
		assertThat(snapshot("accounts", "id")).isNotEqualTo(original);

		CliResult rollback = opsbatch("rollback", String.valueOf(execute.run()), "--as", "alice");
		opsbatch("approve", rollback.plan(), "--as", "bob");
		CliResult undo = opsbatch("execute", rollback.plan(), "--as", "bob");

		assertThat(undo.exitCode()).as(undo.toString()).isZero();
		assertThat(snapshot("accounts", "id")).isEqualTo(original);
	}

	@Test
	void differences_within_the_tolerance_match() {
		// the wrong balances are off by 10.07, 10.23, 10.42, 10.77 and 11.01: a tolerance of 10.42 absorbs the first
		// three (the last exactly at the tolerance) and leaves 77 and 101
		copyAccountsToSecond();
		CliResult join = opsbatch("reconcile", "balances-tolerant", "--all", "--as", "alice");
		CliResult stream = opsbatch("reconcile", "balances-tolerant-second", "--all", "--strategy", "stream", "--as",
				"alice");
		CliResult bisect = opsbatch("reconcile", "balances-tolerant-second", "--all", "--strategy", "bisect", "--as",
				"alice");

		for (CliResult result : List.of(join, stream, bisect)) {
			assertThat(result.exitCode()).as(result.toString()).isZero();
			assertThat(result.field("matching")).as(result.toString()).isEqualTo("118");
			assertThat(result.field("mismatched")).as(result.toString()).isEqualTo("2");
			assertThat(result.field("affected")).isEqualTo("2");
			assertThat(jdbc.queryForList("SELECT key_json FROM ops_plan_item WHERE plan_id = ? ORDER BY seq",
					String.class, result.plan()))
				.containsExactly("{\"id\":77}", "{\"id\":101}");
		}
		assertThat(join.field("strategy")).startsWith("join");
	}

	@Test
	void history_shows_the_counts_of_each_run_newest_first() {
		opsbatch("reconcile", "balances", "--all", "--as", "alice");
		opsbatch("reconcile", "balances", "42", "--as", "alice");

		CliResult history = opsbatch("reconcile", "balances", "--history", "--json");

		assertThat(history.exitCode()).as(history.toString()).isZero();
		assertThat(history.out()).containsSubsequence("\"scope\" : \"42\"", "\"mismatched\" : 1", "\"scope\" : \"all\"",
				"\"matching\" : 115", "\"mismatched\" : 5");
	}

	@Test
	void the_nightly_schedule_launches_a_dry_run_whose_plan_waits_for_approval() {
		ScheduleProperties.Schedule nightly = schedules.schedules().stream()
			.filter((s) -> s.name().equals("nightly-balances"))
			.findFirst()
			.orElseThrow();

		var execution = operations.get(nightly.operation()).launch(nightly.parameters(), "scheduler");

		assertThat(execution.getStatus().name()).isEqualTo("COMPLETED");
		assertThat(jdbc.queryForObject("SELECT status FROM ops_plan WHERE dry_run_id = ?", String.class,
				execution.getId()))
			.isEqualTo("PENDING");
		assertThat(jdbc.queryForObject("SELECT mismatched FROM ops_reconcile_run WHERE run_id = ?", Long.class,
				execution.getId()))
			.isEqualTo(5L);
		assertThat(balance(42)).isNotEqualByComparingTo(ledgerSum(42));
	}

	@Test
	void across_stores_stream_and_bisect_plan_the_same_corrections_and_execute_in_the_second_store() {
		copyAccountsToSecond();
		CliResult streamed = opsbatch("reconcile", "balances-second", "--all", "--strategy", "stream", "--as", "alice");
		CliResult bisected = opsbatch("reconcile", "balances-second", "--all", "--strategy", "bisect", "--as", "alice");
		CliResult chosen = opsbatch("reconcile", "balances-second", "--all", "--as", "alice");

		assertThat(streamed.exitCode()).as(streamed.toString()).isZero();
		assertThat(bisected.exitCode()).as(bisected.toString()).isZero();
		assertThat(chosen.field("strategy")).startsWith("stream (chosen: two stores)");
		assertThat(items(bisected.plan())).isEqualTo(items(streamed.plan())).hasSize(5);
		assertThat(bisected.field("matching")).isEqualTo("115");
		opsbatch("approve", bisected.plan(), "--as", "bob");
		CliResult execute = opsbatch("execute", bisected.plan(), "--as", "bob");

		assertThat(execute.exitCode()).as(execute.toString()).isZero();
		assertThat(second().queryForObject("SELECT balance FROM accounts WHERE id = 42", BigDecimal.class))
			.isEqualByComparingTo(ledgerSum(42));
		assertThat(balance(42)).as("the app store is not the target").isNotEqualByComparingTo(ledgerSum(42));
	}

	@Test
	void a_source_with_several_rows_per_key_is_refused_by_every_strategy_and_changes_nothing() {
		refusedByEveryStrategy("entries", "source store app returned key [",
				"] more than once: keys must be unique on both sides");
	}

	@Test
	void a_null_key_is_refused_by_every_strategy_naming_the_reconciliation_and_the_side() {
		refusedByEveryStrategy("null-key",
				"source store app returned a row with a null key [id]: key columns must be non-null");
	}

	/** Join in the app store, stream and bisect against the second: exit 2, the message, no plan, no change. */
	private void refusedByEveryStrategy(String name, String... message) {
		copyAccountsToSecond();
		List<Map<String, Object>> app = snapshot("accounts", "id");
		List<Map<String, Object>> copy = second().queryForList("SELECT * FROM accounts ORDER BY id");
		long plans = count("SELECT COUNT(*) FROM ops_plan WHERE status <> 'DRAFT'");

		CliResult join = opsbatch("reconcile", name, "--all", "--as", "alice");
		CliResult stream = opsbatch("reconcile", name + "-second", "--all", "--strategy", "stream", "--as", "alice");
		CliResult bisect = opsbatch("reconcile", name + "-second", "--all", "--strategy", "bisect", "--as", "alice");

		assertThat(join.field("strategy")).startsWith("join");
		for (CliResult result : List.of(join, stream, bisect)) {
			assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
			assertThat(result.err()).as(result.toString()).contains("reconciliation " + name).contains(message);
			assertThat(result.out()).doesNotContain("approve");
			assertThat(jdbc.queryForObject("SELECT status FROM ops_plan WHERE id = ?", String.class, result.plan()))
				.as("never sealed, so it cannot be approved")
				.isEqualTo("DRAFT");
		}
		assertThat(count("SELECT COUNT(*) FROM ops_plan_item WHERE plan_id = ?", join.plan()))
			.as("join refuses before it compares")
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM ops_plan WHERE status <> 'DRAFT'")).as("no plan to approve")
			.isEqualTo(plans);
		assertThat(snapshot("accounts", "id")).isEqualTo(app);
		assertThat(second().queryForList("SELECT * FROM accounts ORDER BY id")).isEqualTo(copy);
	}

	@Test
	void the_three_strategies_plan_identical_corrections_on_randomized_data() {
		for (int seed = 1; seed <= 4; seed++) {
			boolean text = seed % 2 == 0;
			String name = text ? "random-t" : "random";
			randomTables(new Random(seed), text);
			CliResult join = opsbatch("reconcile", name + "-app", "--all", "--as", "alice");
			CliResult stream = opsbatch("reconcile", name + "-second", "--all", "--strategy", "stream", "--as", "alice");
			CliResult bisect = opsbatch("reconcile", name + "-second", "--all", "--strategy", "bisect", "--as", "alice");

			assertThat(join.exitCode()).as(join.toString()).isZero();
			assertThat(join.field("strategy")).startsWith("join");
			for (CliResult other : List.of(stream, bisect)) {
				assertThat(other.exitCode()).as(other.toString()).isZero();
				assertThat(items(other.plan())).as("seed %d", seed).isEqualTo(items(join.plan()));
				for (String field : List.of("matching", "mismatched", "missing", "extra")) {
					assertThat(other.field(field)).as("%s, seed %d", field, seed).isEqualTo(join.field(field));
				}
			}
			assertThat(Long.parseLong(join.field("missing")) + Long.parseLong(join.field("extra"))
					+ Long.parseLong(join.field("mismatched"))).isPositive();
		}
	}

	private List<Map<String, Object>> items(String plan) {
		return jdbc.queryForList("SELECT key_json, before_json, after_json FROM ops_plan_item WHERE plan_id = ? "
				+ "ORDER BY seq", plan);
	}

	private void copyAccountsToSecond() {
		second().execute("DROP TABLE IF EXISTS accounts");
		second().execute("CREATE TABLE accounts (id BIGINT NOT NULL PRIMARY KEY, customer_id BIGINT NOT NULL, "
				+ "currency VARCHAR(3) NOT NULL, balance NUMERIC(14,2) NOT NULL, updated_at TIMESTAMP NOT NULL)");
		List<Object[]> rows = new ArrayList<>();
		for (Map<String, Object> row : snapshot("accounts", "id")) {
			rows.add(new Object[] { row.get("id"), row.get("customer_id"), row.get("currency"), row.get("balance"),
					row.get("updated_at") });
		}
		second().batchUpdate("INSERT INTO accounts VALUES (?, ?, ?, ?, ?)", rows);
	}

	/**
	 * rec_source in app, rec_derived in app and (identical) in second; text or integer keys with gaps, integer keys
	 * also at both ends of the 64-bit range.
	 */
	private void randomTables(Random random, boolean textKeys) {
		List<Object[]> source = new ArrayList<>();
		List<Object[]> derived = new ArrayList<>();
		long id = random.nextInt(100);
		for (int i = 0; i < 200; i++) {
			id += 1 + ((random.nextInt(10) == 0) ? random.nextInt(100) : 0);
			Object key = textKeys ? "k" + Long.toString(id * 7919 % 100003, 36) : (Object) id;
			BigDecimal amount = BigDecimal.valueOf(random.nextInt(100000), 2);
			String label = (random.nextInt(10) == 0) ? null : LABELS.get(random.nextInt(LABELS.size()));
			source.add(new Object[] { key, amount, label });
			int fate = random.nextInt(20);
			if (fate == 0) {
				continue;
			}
			derived.add(new Object[] { key, (fate == 1) ? amount.add(BigDecimal.ONE) : amount,
					(fate == 2) ? "changed" : (fate == 3) ? lookalike(label) : label });
		}
		if (!textKeys) {
			source.add(new Object[] { Long.MIN_VALUE, BigDecimal.ONE, "min" });
			derived.add(new Object[] { Long.MIN_VALUE, BigDecimal.TEN, "min" });
			source.add(new Object[] { Long.MAX_VALUE, BigDecimal.ONE, "max" });
			derived.add(new Object[] { Long.MAX_VALUE, BigDecimal.ONE, "max" });
			derived.add(new Object[] { Long.MAX_VALUE - 1, BigDecimal.ONE, "extra" });
		}
		for (int i = 0; i < 5; i++) {
			derived.add(new Object[] { textKeys ? "x" + i : (Object) (100000L + i * 13), BigDecimal.TEN, "extra" });
		}
		String keyType = textKeys ? "VARCHAR(20)" : "BIGINT";
		String suffix = textKeys ? "_t" : "";
		for (JdbcTemplate db : List.of(jdbc, second())) {
			db.execute("DROP TABLE IF EXISTS rec_derived" + suffix);
			db.execute("CREATE TABLE rec_derived" + suffix + " (id " + keyType
					+ " NOT NULL PRIMARY KEY, amount NUMERIC(12,2), label VARCHAR(20))");
			db.batchUpdate("INSERT INTO rec_derived" + suffix + " (id, amount, label) VALUES (?, ?, ?)", derived);
		}
		jdbc.execute("DROP TABLE IF EXISTS rec_source" + suffix);
		jdbc.execute("CREATE TABLE rec_source" + suffix + " (id " + keyType + " NOT NULL PRIMARY KEY, "
				+ "amount NUMERIC(12,2), label VARCHAR(20))");
		jdbc.batchUpdate("INSERT INTO rec_source" + suffix + " (id, amount, label) VALUES (?, ?, ?)", source);
	}

	/** A different label whose text a naive row encoding would confuse with it. */
	private static String lookalike(String label) {
		if (label == null) {
			return "\\N";
		}
		return (label.equals("\\N") || label.isEmpty()) ? null : label + "|";
	}

	BigDecimal balance(long id) {
		return jdbc.queryForObject("SELECT balance FROM accounts WHERE id = ?", BigDecimal.class, id);
	}

	BigDecimal ledgerSum(long id) {
		return jdbc.queryForObject("SELECT SUM(amount) FROM ledger_entries WHERE account_id = ?", BigDecimal.class, id);
	}

}
