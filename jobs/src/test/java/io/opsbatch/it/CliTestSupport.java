package io.opsbatch.it;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import io.opsbatch.cli.Cli;
import io.opsbatch.jobs.demo.DemoData;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drives opsbatch through its command-line entry point inside one application context, and reads the databases
 * directly to check the effects. Each test starts from freshly generated demo tables.
 */
abstract class CliTestSupport {

	/** Properties every integration test context shares; the real config/application.yml is loaded first. */
	static final String CONFIG = "spring.config.additional-location=file:../config/";

	static final String NO_CLI_RUNNER = "opsbatch.demo.enabled=true";

	static final String FIXES = "opsbatch.fixes.directory=../config/fixes";

	static final String ORPHAN_RULES = "opsbatch.orphans.directory=../config/orphan-rules";

	static final String RUNS = "opsbatch.runs-directory=target/it-runs";

	static final String SMALL_CHUNKS = "opsbatch.chunk-size=5";

	@Autowired
	Cli cli;

	@Autowired
	DemoData demo;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void resetDemoData() {
		demo.reset();
	}

	CliResult opsbatch(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = cli.execute(new PrintWriter(out), new PrintWriter(err), args);
		return new CliResult(code, out.toString(), err.toString());
	}

	/** Every row of a table, ordered by key, as text: compares whole tables before and after. */
	List<Map<String, Object>> snapshot(String table, String orderBy) {
		return jdbc.queryForList("SELECT * FROM " + table + " ORDER BY " + orderBy);
	}

	long count(String sql, Object... args) {
		Long count = jdbc.queryForObject(sql, Long.class, args);
		return (count == null) ? 0 : count;
	}

	String status(long orderId) {
		return jdbc.queryForObject("SELECT status FROM orders WHERE id = ?", String.class, orderId);
	}

}
