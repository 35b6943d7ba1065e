package io.opsbatch.platform.audit.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.opsbatch.platform.audit.AuditRecord;
import io.opsbatch.platform.audit.AuditRepository;
import io.opsbatch.platform.audit.StoredAuditRecord;
import io.opsbatch.platform.change.Change;
import io.opsbatch.platform.change.Outcome;
import io.opsbatch.platform.jdbc.BulkInsert;
import io.opsbatch.platform.plan.CanonicalJson;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** {@link AuditRepository} on the {@code ops_audit} table. */
public class JdbcAuditRepository implements AuditRepository {

	private static final String SELECT_RUN = "SELECT * FROM ops_audit WHERE run_id = ? ORDER BY id";

	private static final String SELECT_RUN_OUTCOME = "SELECT * FROM ops_audit WHERE run_id = ? AND outcome = ? ORDER BY id LIMIT ?";

	private static final String COUNT_RUN = "SELECT outcome, COUNT(*) FROM ops_audit WHERE run_id = ? GROUP BY outcome";

	private static final String SELECT_PLAN_MODE = """
			SELECT * FROM ops_audit WHERE plan_id = ? AND mode = ? AND run_id <= ? ORDER BY item_seq, id
			""";

	private static final String COUNT_PLAN_MODE = """
			SELECT run_id, outcome, COUNT(*) FROM ops_audit WHERE plan_id = ? AND mode = ? AND run_id <= ?
			GROUP BY run_id, outcome ORDER BY run_id
			""";

	/**
	 * Execute-mode records of a plan that a rollback undoes, for a range of item positions: (plan id, from inclusive,
	 * to exclusive).
	 */
	public static final String SELECT_UNDOABLE_RANGE = """
			SELECT * FROM ops_audit WHERE plan_id = ? AND mode = 'execute' AND outcome IN ('applied', 'already-applied')
			AND item_seq >= ? AND item_seq < ? ORDER BY item_seq, id
			""";

	private final JdbcTemplate jdbc;

	private final JdbcTemplate streaming;

	private final BulkInsert insert;

	public JdbcAuditRepository(DataSource dataSource, int fetchSize) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(fetchSize);
		this.insert = new BulkInsert(jdbc, "ops_audit", List.of("ts:timestamptz", "action:varchar", "store_name:varchar",
				"table_name:varchar", "key_json:varchar", "before_json:text", "after_json:text", "executor:varchar",
				"mode:varchar", "outcome:varchar", "run_id:int8", "plan_id:varchar", "item_seq:int8"));
	}

	@Override
	public void add(List<AuditRecord> records) {
		List<Object[]> rows = new ArrayList<>(records.size());
		for (AuditRecord record : records) {
			Change change = record.change();
			rows.add(new Object[] { OffsetDateTime.ofInstant(record.timestamp(), ZoneOffset.UTC), record.action(),
					change.store(), change.table(), CanonicalJson.write(change.key()),
					(change.before() == null) ? null : CanonicalJson.write(change.before()),
					(change.after() == null) ? null : CanonicalJson.write(change.after()), record.executor(),
					record.mode().label(), record.outcome().label(), record.runId(), record.planId(), record.seq() });
		}
		insert.insert(rows);
	}

	@Override
	public void forEachOfRun(long runId, Consumer<AuditRecord> consumer) {
		streaming.query(SELECT_RUN, (ResultSet rs) -> {
			consumer.accept(RECORD.mapRow(rs, 0));
		}, runId);
	}

	@Override
	public void forEachStoredOfRun(long runId, Consumer<StoredAuditRecord> consumer) {
		streaming.query(SELECT_RUN, (ResultSet rs) -> {
			consumer.accept(stored(rs));
		}, runId);
	}

	@Override
	public void forEachStoredOfPlan(String planId, AuditRecord.Mode mode, long lastRunId,
			Consumer<StoredAuditRecord> consumer) {
		streaming.query(SELECT_PLAN_MODE, (ResultSet rs) -> {
			consumer.accept(stored(rs));
		}, planId, mode.label(), lastRunId);
	}

	@Override
	public Map<Long, Map<Outcome, Long>> countByRunAndOutcome(String planId, AuditRecord.Mode mode, long lastRunId) {
		Map<Long, Map<Outcome, Long>> counts = new TreeMap<>();
		jdbc.query(COUNT_PLAN_MODE, (ResultSet rs) -> {
			counts.computeIfAbsent(rs.getLong(1), (run) -> new EnumMap<>(Outcome.class))
				.put(Outcome.ofLabel(rs.getString(2)), rs.getLong(3));
		}, planId, mode.label(), lastRunId);
		return counts;
	}

	private static StoredAuditRecord stored(ResultSet rs) throws SQLException {
		return new StoredAuditRecord(rs.getObject("ts", OffsetDateTime.class).toInstant().toString(),
				rs.getString("action"), rs.getString("store_name"), rs.getString("table_name"), rs.getString("key_json"),
				rs.getString("before_json"), rs.getString("after_json"), rs.getString("executor"), rs.getString("mode"),
				rs.getString("outcome"), rs.getLong("run_id"), rs.getString("plan_id"), rs.getLong("item_seq"));
	}

	@Override
	public List<AuditRecord> ofRun(long runId, int limit) {
		return jdbc.query(SELECT_RUN + " LIMIT ?", RECORD, runId, limit);
	}

	@Override
	public List<AuditRecord> ofRun(long runId, Outcome outcome, int limit) {
		return jdbc.query(SELECT_RUN_OUTCOME, RECORD, runId, outcome.label(), limit);
	}

	@Override
	public Map<Outcome, Long> countByOutcome(long runId) {
		Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
		jdbc.query(COUNT_RUN, (ResultSet rs) -> {
			counts.put(Outcome.ofLabel(rs.getString(1)), rs.getLong(2));
		}, runId);
		return counts;
	}


	/** Maps a row of {@code ops_audit}; shared with the rollback job's reader. */
	public static final RowMapper<AuditRecord> RECORD = (rs, rowNum) -> new AuditRecord(
			rs.getObject("ts", OffsetDateTime.class).toInstant(), rs.getString("action"),
			new Change(rs.getString("store_name"), rs.getString("table_name"),
					CanonicalJson.readMap(rs.getString("key_json")), CanonicalJson.readMap(rs.getString("before_json")),
					CanonicalJson.readMap(rs.getString("after_json"))),
			rs.getString("executor"), AuditRecord.Mode.ofLabel(rs.getString("mode")),
			Outcome.ofLabel(rs.getString("outcome")), rs.getLong("run_id"), rs.getString("plan_id"),
			rs.getLong("item_seq"));

}
