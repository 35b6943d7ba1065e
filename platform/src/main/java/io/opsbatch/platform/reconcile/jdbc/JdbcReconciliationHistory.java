package io.opsbatch.platform.reconcile.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import io.opsbatch.platform.reconcile.ComparisonCounts;
import io.opsbatch.platform.reconcile.ReconciliationHistory;
import io.opsbatch.platform.reconcile.ReconciliationSummary;

import org.springframework.jdbc.core.JdbcTemplate;

/** The history in {@code ops_reconcile_run}, one row per dry-run, in the platform database. */
public class JdbcReconciliationHistory implements ReconciliationHistory {

	private static final String DELETE = "DELETE FROM ops_reconcile_run WHERE run_id = ?";

	private static final String INSERT = """
			INSERT INTO ops_reconcile_run (run_id, reconciliation, scope, strategy, plan_id, matching, mismatched,
			    missing, extra, preview_json, finished_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private static final String SELECT = """
			SELECT run_id, reconciliation, scope, strategy, plan_id, matching, mismatched, missing, extra, preview_json,
			    finished_at
			FROM ops_reconcile_run""";

	private final JdbcTemplate jdbc;

	public JdbcReconciliationHistory(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@Override
	public void record(ReconciliationSummary summary) {
		jdbc.update(DELETE, summary.runId());
		ComparisonCounts counts = summary.counts();
		int inserted = jdbc.update(INSERT, summary.runId(), summary.name(), summary.scope(), summary.strategy(),
				summary.planId(), counts.matching(), counts.mismatched(), counts.missing(), counts.extra(),
				summary.preview(), Timestamp.from(summary.finishedAt()));
		if (inserted != 1) {
			throw new IllegalStateException("recording the summary of run " + summary.runId() + " inserted " + inserted
					+ " rows");
		}
	}

	@Override
	public Optional<ReconciliationSummary> ofRun(long runId) {
		return jdbc.query(SELECT + " WHERE run_id = ?", JdbcReconciliationHistory::summary, runId).stream().findFirst();
	}

	@Override
	public List<ReconciliationSummary> latest(String name, int limit) {
		return jdbc.query(SELECT + " WHERE reconciliation = ? ORDER BY finished_at DESC, run_id DESC FETCH FIRST "
				+ Math.max(1, limit) + " ROWS ONLY", JdbcReconciliationHistory::summary, name);
	}

	private static ReconciliationSummary summary(ResultSet rs, int row) throws SQLException {
		return new ReconciliationSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getString(5), new ComparisonCounts(rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)),
				rs.getString(10), rs.getTimestamp(11).toInstant());
	}

}
