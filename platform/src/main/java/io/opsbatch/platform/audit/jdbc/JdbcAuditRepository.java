package io.opsbatch.platform.audit.jdbc;

import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.opsbatch.platform.audit.AuditRecord;
import io.opsbatch.platform.audit.AuditRepository;
import io.opsbatch.platform.audit.StoredAuditRecord;
import io.opsbatch.platform.change.Change;
import io.opsbatch.platform.change.Outcome;
import io.opsbatch.platform.plan.CanonicalJson;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** {@link AuditRepository} on the {@code ops_audit} table. */
public class JdbcAuditRepository implements AuditRepository {

	private static final String INSERT = """
			INSERT INTO ops_audit (ts, action, store_name, table_name, key_json, before_json, after_json, executor,
			                       mode, outcome, run_id, plan_id, item_seq)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			""";

	private static final String SELECT_RUN = "SELECT * FROM ops_audit WHERE run_id = ? ORDER BY id";

	private static final String SELECT_RUN_OUTCOME = "SELECT * FROM ops_audit WHERE run_id = ? AND outcome = ? ORDER BY id LIMIT ?";

	private static final String COUNT_RUN = "SELECT outcome, COUNT(*) FROM ops_audit WHERE run_id = ? GROUP BY outcome";

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

	public JdbcAuditRepository(DataSource dataSource, int fetchSize) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(fetchSize);
	}

	@Override
	public void add(List<AuditRecord> records) {
		jdbc.batchUpdate(INSERT, records, records.size(), (ps, record) -> {
			Change change = record.change();
			ps.setObject(1, OffsetDateTime.ofInstant(record.timestamp(), ZoneOffset.UTC));
			ps.setString(2, record.action());
			ps.setString(3, change.store());
			ps.setString(4, change.table());
			ps.setString(5, CanonicalJson.write(change.key()));
			ps.setString(6, (change.before() == null) ? null : CanonicalJson.write(change.before()));
			ps.setString(7, (change.after() == null) ? null : CanonicalJson.write(change.after()));
			ps.setString(8, record.executor());
			ps.setString(9, record.mode().label());
			ps.setString(10, record.outcome().label());
			ps.setLong(11, record.runId());
			ps.setString(12, record.planId());
			ps.setLong(13, record.seq());
		});
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
			consumer.accept(new StoredAuditRecord(rs.getObject("ts", OffsetDateTime.class).toInstant().toString(),
					rs.getString("action"), rs.getString("store_name"), rs.getString("table_name"),
					rs.getString("key_json"), rs.getString("before_json"), rs.getString("after_json"),
					rs.getString("executor"), rs.getString("mode"), rs.getString("outcome"), rs.getLong("run_id"),
					rs.getString("plan_id"), rs.getLong("item_seq")));
		}, runId);
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
