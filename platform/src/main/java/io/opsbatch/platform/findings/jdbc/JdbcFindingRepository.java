package io.opsbatch.platform.findings.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.opsbatch.platform.findings.Finding;
import io.opsbatch.platform.findings.FindingRepository;
import io.opsbatch.platform.findings.Fingerprint;
import io.opsbatch.platform.findings.IssueAction;
import io.opsbatch.platform.findings.Severity;
import io.opsbatch.platform.plan.CanonicalJson;
import tools.jackson.core.type.TypeReference;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;

/** Findings in {@code ops_finding}. */
public class JdbcFindingRepository implements FindingRepository {

	private static final String COLUMNS = """
			id, run_id, rule_id, store_name, table_name, orphan_count, severity, thresholds, sample_json, list_query,
			strategy, scanned_at, issue_action, issue_number, issue_url, issue_error""";

	private static final String OF_RUN = "SELECT " + COLUMNS + " FROM ops_finding WHERE run_id = ? ORDER BY rule_id";

	private static final String HISTORY = "SELECT " + COLUMNS
			+ " FROM ops_finding ORDER BY run_id DESC, rule_id LIMIT ?";

	private static final String HISTORY_OF_RULE = "SELECT " + COLUMNS
			+ " FROM ops_finding WHERE rule_id = ? ORDER BY run_id DESC LIMIT ?";

	private static final String UPDATE_ISSUE = """
			UPDATE ops_finding SET issue_action = ?, issue_number = ?, issue_url = ?, issue_error = ? WHERE id = ?""";

	private static final String SUPERSEDE = """
			UPDATE ops_finding SET issue_action = 'SUPERSEDED', issue_error = ?
			WHERE fingerprint = ? AND issue_action = 'PENDING' AND run_id < ?""";

	private static final TypeReference<List<Map<String, Object>>> KEYS = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	private final SimpleJdbcInsert insert;

	public JdbcFindingRepository(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.insert = new SimpleJdbcInsert(dataSource).withTableName("ops_finding")
			.usingColumns("run_id", "rule_id", "store_name", "table_name", "fingerprint", "orphan_count", "severity",
					"thresholds", "sample_json", "list_query", "strategy", "scanned_at", "issue_action",
					"issue_number", "issue_url", "issue_error")
			.usingGeneratedKeyColumns("id");
	}

	@Override
	public Finding save(Finding f) {
		Map<String, Object> row = new java.util.HashMap<>();
		row.put("run_id", f.runId());
		row.put("rule_id", f.ruleId());
		row.put("store_name", f.store());
		row.put("table_name", f.table());
		row.put("fingerprint", f.fingerprint().value());
		row.put("orphan_count", f.count());
		row.put("severity", f.severity().name());
		row.put("thresholds", f.thresholds());
		row.put("sample_json", CanonicalJson.write(f.sample()));
		row.put("list_query", f.listQuery());
		row.put("strategy", f.strategy());
		row.put("scanned_at", Timestamp.from(f.scannedAt()));
		row.put("issue_action", f.issue().action().name());
		row.put("issue_number", f.issue().number());
		row.put("issue_url", f.issue().url());
		row.put("issue_error", truncate(f.issue().error()));
		long id = insert.executeAndReturnKey(row).longValue();
		return new Finding(id, f.runId(), f.ruleId(), f.store(), f.table(), f.count(), f.severity(), f.thresholds(),
				f.sample(), f.listQuery(), f.strategy(), f.scannedAt(), f.issue());
	}

	@Override
	public void updateIssue(long findingId, Finding.IssueState issue) {
		int updated = jdbc.update(UPDATE_ISSUE, issue.action().name(), issue.number(), issue.url(),
				truncate(issue.error()), findingId);
		if (updated != 1) {
			throw new IllegalStateException("finding " + findingId + " does not exist");
		}
	}

	@Override
	public List<Finding> ofRun(long runId) {
		return jdbc.query(OF_RUN, this::map, runId);
	}

	@Override
	public List<Finding> history(String ruleId, int limit) {
		return (ruleId == null) ? jdbc.query(HISTORY, this::map, limit)
				: jdbc.query(HISTORY_OF_RULE, this::map, ruleId, limit);
	}

	@Override
	public int supersedePending(Fingerprint fingerprint, long runId) {
		return jdbc.update(SUPERSEDE, "reported by run " + runId, fingerprint.value(), runId);
	}

	private Finding map(ResultSet rs, int rowNum) throws SQLException {
		long number = rs.getLong("issue_number");
		Long issueNumber = rs.wasNull() ? null : number;
		return new Finding(rs.getLong("id"), rs.getLong("run_id"), rs.getString("rule_id"), rs.getString("store_name"),
				rs.getString("table_name"), rs.getLong("orphan_count"), Severity.valueOf(rs.getString("severity")),
				rs.getString("thresholds"), CanonicalJson.MAPPER.readValue(rs.getString("sample_json"), KEYS),
				rs.getString("list_query"), rs.getString("strategy"), rs.getTimestamp("scanned_at").toInstant(),
				new Finding.IssueState(IssueAction.valueOf(rs.getString("issue_action")), issueNumber,
						rs.getString("issue_url"), rs.getString("issue_error")));
	}

	private static String truncate(String text) {
		return (text == null || text.length() <= 1000) ? text : text.substring(0, 997) + "...";
	}

}
