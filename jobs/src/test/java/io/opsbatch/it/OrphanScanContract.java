package io.opsbatch.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.opsbatch.platform.change.jdbc.JdbcTargetStores;
import io.opsbatch.platform.findings.Finding;
import io.opsbatch.platform.findings.FindingRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The orphan scan on one database: pushdown and streaming give the same answer (same database, and across two
 * databases), and a cleanup goes through the plan loop. Subclasses bind it to H2 or PostgreSQL, with a second store
 * {@code other} in another database.
 */
abstract class OrphanScanContract extends CliTestSupport {

	@Autowired
	FindingRepository findings;

	@Autowired
	JdbcTargetStores stores;

	/** The rules folder of this test class (the shipped rules plus test rules). */
	abstract Path rulesDirectory();

	@BeforeEach
	void rules() throws IOException {
		Path directory = rulesDirectory();
		Files.createDirectories(directory);
		try (Stream<Path> old = Files.list(directory)) {
			for (Path file : old.toList()) {
				Files.delete(file);
			}
		}
		try (Stream<Path> shipped = Files.list(Path.of("../config/orphan-rules"))) {
			for (Path file : shipped.toList()) {
				Files.copy(file, directory.resolve(file.getFileName()));
			}
		}
		jdbc.update("DELETE FROM ops_finding");
	}

	@Test
	void the_demo_has_one_rule_at_issue_one_individual_and_one_ok() {
		CliResult scan = opsbatch("orphans", "scan", "--as", "alice");

		assertThat(scan.exitCode()).as(scan.toString()).isEqualTo(5);
		Map<String, Finding> byRule = byRule(scan.run());
		assertThat(byRule.get("orders-without-customer").count()).isEqualTo(7);
		assertThat(byRule.get("orders-without-customer").severity().name()).isEqualTo("ISSUE");
		assertThat(byRule.get("order-items-without-order").count()).isEqualTo(3);
		assertThat(byRule.get("order-items-without-order").severity().name()).isEqualTo("INDIVIDUAL");
		assertThat(byRule.get("ledger-entries-without-account").count()).isZero();
		assertThat(byRule.get("ledger-entries-without-account").severity().name()).isEqualTo("OK");
		assertThat(byRule.values()).allMatch((f) -> f.strategy().equals("pushdown"));
		assertThat(byRule.get("order-items-without-order").sample())
			.containsExactly(Map.of("id", 825L), Map.of("id", 826L), Map.of("id", 827L));
	}

	@Test
	void pushdown_and_streaming_find_the_same_orphans_in_one_database() {
		// orphans below, between and above the parent keys, and more than a sample's worth
		jdbc.update("DELETE FROM orders WHERE id IN (200, 201, 333)");
		for (long id = 20001; id <= 20030; id++) {
			jdbc.update("INSERT INTO order_items (id, order_id, sku, quantity, price) VALUES (?, ?, 'P-0001', 1, 1.00)",
					id, (id % 3 == 0) ? -id : 50000 + id);
		}

		CliResult pushdown = opsbatch("orphans", "scan", "--strategy", "pushdown");
		CliResult streaming = opsbatch("orphans", "scan", "--strategy", "streaming");

		assertThat(pushdown.exitCode()).as(pushdown.toString()).isEqualTo(5);
		assertThat(streaming.exitCode()).as(streaming.toString()).isEqualTo(5);
		Map<String, Finding> a = byRule(pushdown.run());
		Map<String, Finding> b = byRule(streaming.run());
		assertThat(a.get("order-items-without-order").count()).isGreaterThan(33);
		assertThat(a.get("order-items-without-order").sample()).hasSize(20);
		for (String rule : a.keySet()) {
			assertThat(b.get(rule).strategy()).isEqualTo("streaming");
			assertThat(b.get(rule).count()).as(rule).isEqualTo(a.get(rule).count());
			assertThat(b.get(rule).severity()).as(rule).isEqualTo(a.get(rule).severity());
			assertThat(b.get(rule).sample()).as(rule).isEqualTo(a.get(rule).sample());
		}
	}

	@Test
	void a_rule_across_two_databases_is_streamed_and_agrees_with_the_pushdown() throws IOException {
		JdbcTemplate other = new JdbcTemplate(stores.get("other").dataSource());
		other.execute("DROP TABLE IF EXISTS customer_copy");
		other.execute("CREATE TABLE customer_copy (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(200) NOT NULL)");
		List<Object[]> rows = jdbc.query("SELECT id, name FROM customers WHERE id <> 17",
				(rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) });
		other.batchUpdate("INSERT INTO customer_copy (id, name) VALUES (?, ?)", rows);
		Files.writeString(rulesDirectory().resolve("orders-without-archived-customer.yml"), """
				description: Orders whose customer is not in the copy (another database)
				child: {store: app, table: orders, key: [id], foreign_key: [customer_id]}
				parent: {store: other, table: customer_copy, key: [id]}
				""");
		jdbc.update("DELETE FROM customers WHERE id = 17");

		CliResult cross = opsbatch("orphans", "scan", "--rule", "orders-without-archived-customer", "--rule",
				"orders-without-customer");

		assertThat(cross.exitCode()).as(cross.toString()).isEqualTo(5);
		Map<String, Finding> byRule = byRule(cross.run());
		Finding streamed = byRule.get("orders-without-archived-customer");
		Finding pushed = byRule.get("orders-without-customer");
		assertThat(streamed.strategy()).isEqualTo("streaming");
		assertThat(pushed.strategy()).isEqualTo("pushdown");
		assertThat(streamed.count()).isEqualTo(pushed.count()).isEqualTo(7 + count(
				"SELECT COUNT(*) FROM orders WHERE customer_id = 17"));
		assertThat(streamed.sample()).isEqualTo(pushed.sample());
		CliResult refused = opsbatch("orphans", "scan", "--rule", "orders-without-archived-customer", "--strategy",
				"pushdown");
		assertThat(refused.exitCode()).isEqualTo(2);
		assertThat(refused.err()).contains("different databases");
	}

	@Test
	void a_cleanup_is_a_plan_that_is_approved_executed_and_rolled_back_like_a_fix() {
		List<Map<String, Object>> orphansBefore = snapshot("orders WHERE customer_id > 900", "id");
		CliResult plan = opsbatch("orphans", "cleanup", "orders-without-customer", "--as", "alice");
		assertThat(plan.exitCode()).as(plan.toString()).isZero();
		assertThat(plan.field("affected")).isEqualTo("7");
		assertThat(plan.out()).contains("note: rule order-items-without-order finds order_items rows whose orders row"
				+ " is gone");
		assertThat(count("SELECT COUNT(*) FROM orders WHERE customer_id > 900")).isEqualTo(7);
		assertThat(opsbatch("approve", plan.plan(), "--as", "bob").exitCode()).isZero();

		CliResult execute = opsbatch("execute", plan.plan(), "--as", "bob");

		assertThat(execute.exitCode()).as(execute.toString()).isZero();
		assertThat(execute.field("applied")).isEqualTo("7");
		assertThat(count("SELECT COUNT(*) FROM orders WHERE customer_id > 900")).isZero();
		assertThat(count("SELECT COUNT(*) FROM ops_audit WHERE plan_id = ? AND action = "
				+ "'orphans.cleanup.orders-without-customer' AND outcome = 'applied'", plan.plan())).isEqualTo(7);
		CliResult scan = opsbatch("orphans", "scan", "--rule", "orders-without-customer");
		assertThat(scan.exitCode()).as(scan.toString()).isZero();

		CliResult rollback = opsbatch("rollback", Long.toString(execute.run()), "--as", "alice");
		opsbatch("approve", rollback.plan(), "--as", "bob");
		CliResult undo = opsbatch("execute", rollback.plan(), "--as", "bob");

		assertThat(undo.exitCode()).as(undo.toString()).isZero();
		assertThat(snapshot("orders WHERE customer_id > 900", "id")).isEqualTo(orphansBefore);
	}

	@Test
	void a_cleanup_leaves_an_orphan_whose_parent_came_back_after_the_dry_run() {
		CliResult plan = opsbatch("orphans", "cleanup", "orders-without-customer", "--as", "alice");
		assertThat(plan.exitCode()).as(plan.toString()).isZero();
		long returning = jdbc.queryForObject("SELECT MIN(customer_id) FROM orders WHERE customer_id > 900", Long.class);
		long adopted = count("SELECT COUNT(*) FROM orders WHERE customer_id = ?", returning);
		jdbc.update("INSERT INTO customers (id, name, email, status, created_at) "
				+ "VALUES (?, 'Returned Customer', 'returned@example.com', 'ACTIVE', CURRENT_TIMESTAMP)", returning);
		assertThat(opsbatch("approve", plan.plan(), "--as", "bob").exitCode()).isZero();

		CliResult execute = opsbatch("execute", plan.plan(), "--as", "bob");

		assertThat(execute.exitCode()).as(execute.toString()).isEqualTo(4);
		assertThat(execute.field("applied")).isEqualTo(Long.toString(7 - adopted));
		assertThat(execute.field("conflicts")).isEqualTo(Long.toString(adopted));
		assertThat(count("SELECT COUNT(*) FROM orders WHERE customer_id = ?", returning)).isEqualTo(adopted);
		assertThat(count("SELECT COUNT(*) FROM orders WHERE customer_id > 900 AND customer_id <> ?", returning)).isZero();
		assertThat(count("SELECT COUNT(*) FROM ops_audit WHERE run_id = ? AND outcome = 'conflict'", execute.run()))
			.isEqualTo(adopted);
	}

	@Test
	void a_cleanup_across_two_databases_leaves_an_orphan_whose_parent_came_back() throws IOException {
		JdbcTemplate other = new JdbcTemplate(stores.get("other").dataSource());
		other.execute("DROP TABLE IF EXISTS customer_copy");
		other.execute("CREATE TABLE customer_copy (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(200) NOT NULL)");
		other.batchUpdate("INSERT INTO customer_copy (id, name) VALUES (?, ?)", jdbc.query(
				"SELECT id, name FROM customers WHERE id NOT IN (17, 18)", (rs, n) -> new Object[] { rs.getLong(1),
						rs.getString(2) }));
		Files.writeString(rulesDirectory().resolve("orders-without-copied-customer.yml"), """
				description: Orders whose customer is not in the copy (another database)
				child: {store: app, table: orders, key: [id], foreign_key: [customer_id], where: "customer_id IN (17, 18)"}
				parent: {store: other, table: customer_copy, key: [id]}
				""");
		CliResult plan = opsbatch("orphans", "cleanup", "orders-without-copied-customer", "--as", "alice");
		assertThat(plan.exitCode()).as(plan.toString()).isZero();
		long of17 = count("SELECT COUNT(*) FROM orders WHERE customer_id = 17");
		long of18 = count("SELECT COUNT(*) FROM orders WHERE customer_id = 18");
		assertThat(of17).isPositive();
		assertThat(of18).isPositive();
		assertThat(plan.field("affected")).isEqualTo(Long.toString(of17 + of18));
		other.update("INSERT INTO customer_copy (id, name) VALUES (17, 'copied late')");
		assertThat(opsbatch("approve", plan.plan(), "--as", "bob").exitCode()).isZero();

		CliResult execute = opsbatch("execute", plan.plan(), "--as", "bob");

		assertThat(execute.exitCode()).as(execute.toString()).isEqualTo(4);
		assertThat(execute.field("conflicts")).isEqualTo(Long.toString(of17));
		assertThat(execute.field("applied")).isEqualTo(Long.toString(of18));
		assertThat(count("SELECT COUNT(*) FROM orders WHERE customer_id = 17")).isEqualTo(of17);
		assertThat(count("SELECT COUNT(*) FROM orders WHERE customer_id = 18")).isZero();
	}

	@Test
	void a_nullify_cleanup_sets_the_nullable_foreign_key_to_null_through_the_plan_loop() throws IOException {
		jdbc.execute("DROP TABLE IF EXISTS order_notes");
		jdbc.execute("CREATE TABLE order_notes (id BIGINT NOT NULL PRIMARY KEY, order_id BIGINT, "
				+ "note VARCHAR(200) NOT NULL)");
		jdbc.update("INSERT INTO order_notes (id, order_id, note) VALUES (1, 1, 'kept'), (2, 2, 'kept'), "
				+ "(3, 9001, 'orphan'), (4, 9002, 'orphan'), (5, NULL, 'no order')");
		Files.writeString(rulesDirectory().resolve("notes-without-order.yml"), """
				description: Notes whose order is gone (the note stays, detached)
				child: {table: order_notes, key: [id], foreign_key: [order_id]}
				parent: {table: orders, key: [id]}
				cleanup: nullify
				""");

		CliResult plan = opsbatch("orphans", "cleanup", "notes-without-order", "--as", "alice");
		assertThat(plan.exitCode()).as(plan.toString()).isZero();
		assertThat(plan.field("affected")).isEqualTo("2");
		assertThat(count("SELECT COUNT(*) FROM order_notes WHERE order_id IS NULL")).isEqualTo(1);
		assertThat(opsbatch("approve", plan.plan(), "--as", "bob").exitCode()).isZero();

		CliResult execute = opsbatch("execute", plan.plan(), "--as", "bob");

		assertThat(execute.exitCode()).as(execute.toString()).isZero();
		assertThat(execute.field("applied")).isEqualTo("2");
		assertThat(jdbc.queryForList("SELECT id FROM order_notes WHERE order_id IS NULL ORDER BY id", Long.class))
			.containsExactly(3L, 4L, 5L);
		assertThat(jdbc.queryForList("SELECT order_id FROM order_notes WHERE id IN (1, 2) ORDER BY id", Long.class))
			.containsExactly(1L, 2L);
		assertThat(count("SELECT COUNT(*) FROM order_notes")).isEqualTo(5);
		assertThat(count("SELECT COUNT(*) FROM ops_audit WHERE plan_id = ? AND action = "
				+ "'orphans.cleanup.notes-without-order' AND outcome = 'applied'", plan.plan())).isEqualTo(2);
		CliResult scan = opsbatch("orphans", "scan", "--rule", "notes-without-order");
		assertThat(scan.exitCode()).as(scan.toString()).isZero();
		assertThat(byRule(scan.run()).get("notes-without-order").count()).isZero();
		jdbc.execute("DROP TABLE order_notes");
	}

	@Test
	void history_shows_the_trend_of_a_rule() {
		opsbatch("orphans", "scan");
		jdbc.update("DELETE FROM orders WHERE id IN (401, 402)");
		opsbatch("orphans", "scan");

		CliResult history = opsbatch("orphans", "history", "--rule", "orders-without-customer");

		assertThat(history.exitCode()).as(history.toString()).isZero();
		assertThat(history.field("trend")).isEqualTo("7 -> 5 (oldest to newest)");
	}

	Map<String, Finding> byRule(long runId) {
		return findings.ofRun(runId).stream().collect(java.util.stream.Collectors.toMap(Finding::ruleId, (f) -> f));
	}

}
