package io.opsbatch.platform.plan.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.opsbatch.platform.change.Change;
import io.opsbatch.platform.jdbc.BulkInsert;
import io.opsbatch.platform.plan.CanonicalJson;
import io.opsbatch.platform.plan.Plan;
import io.opsbatch.platform.plan.PlanItem;
import io.opsbatch.platform.plan.PlanRepository;
import io.opsbatch.platform.plan.PlanStatus;
import io.opsbatch.platform.plan.StoredItem;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** {@link PlanRepository} on the platform database ({@code ops_plan}, {@code ops_plan_item}). */
public class JdbcPlanRepository implements PlanRepository {

	private static final String INSERT_DRAFT = """
			INSERT INTO ops_plan (id, action, parameters, environment, store_name, requester, status, item_count,
			                      created_at, dry_run_id, source_run_id)
			SELECT ?, ?, ?, ?, ?, ?, 'DRAFT', 0, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM ops_plan WHERE id = ?)
			""";

	private static final String DELETE_ITEMS_FROM = "DELETE FROM ops_plan_item WHERE plan_id = ? AND seq >= ?";

	private static final String SEAL = """
			UPDATE ops_plan SET status = 'PENDING', digest = ?, item_count = ?, expires_at = ?
			WHERE id = ? AND status = 'DRAFT'
			""";

	private static final String SELECT_PLAN = "SELECT * FROM ops_plan WHERE id = ?";

	private static final String SELECT_RECENT = "SELECT * FROM ops_plan ORDER BY created_at DESC, id LIMIT ?";

	private static final String SELECT_ITEMS = """
			SELECT plan_id, seq, store_name, table_name, key_json, before_json, after_json, absent_json
			FROM ops_plan_item WHERE plan_id = ? ORDER BY seq
			""";

	/** The items of a plan with {@code seq} in a range: (plan id, from inclusive, to exclusive). */
	public static final String SELECT_ITEM_RANGE = """
			SELECT plan_id, seq, store_name, table_name, key_json, before_json, after_json, absent_json
			FROM ops_plan_item WHERE plan_id = ? AND seq >= ? AND seq < ? ORDER BY seq
			""";

	private static final String APPROVE = """
			UPDATE ops_plan SET status = 'APPROVED', decided_by = ?, decided_at = ?, decision_comment = ?,
			                    approved_digest = ?
			WHERE id = ? AND status = 'PENDING' AND digest = ?
			""";

	private static final String REJECT = """
			UPDATE ops_plan SET status = 'REJECTED', decided_by = ?, decided_at = ?, decision_comment = ?
			WHERE id = ? AND status IN ('PENDING', 'APPROVED')
			""";

	private static final String CLAIM = """
			UPDATE ops_plan SET status = 'EXECUTING', execute_run_id = ? WHERE id = ? AND status = 'APPROVED'
			""";

	private static final String MARK_EXECUTED = """
			UPDATE ops_plan SET status = 'EXECUTED' WHERE id = ? AND status = 'EXECUTING'
			""";

	private final JdbcTemplate jdbc;

	private final int fetchSize;

	private final BulkInsert insertItems;

	public JdbcPlanRepository(DataSource dataSource, int fetchSize) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.fetchSize = fetchSize;
		this.insertItems = new BulkInsert(jdbc, "ops_plan_item", List.of("plan_id:varchar", "seq:int8",
				"store_name:varchar", "table_name:varchar", "key_json:varchar", "before_json:text", "after_json:text", "absent_json:text"));
	}

	@Override
	public void createDraft(Plan plan) {
		jdbc.update(INSERT_DRAFT, plan.id(), plan.action(), CanonicalJson.write(plan.parameters()),
				plan.environment(), plan.store(), plan.requester(), utc(plan.createdAt()), plan.dryRunId(),
				plan.sourceRunId(), plan.id());
	}

	@Override
	public void addItems(List<PlanItem> items) {
		List<Object[]> rows = new ArrayList<>(items.size());
		for (PlanItem item : items) {
			Change change = item.change();
			rows.add(new Object[] { item.planId(), item.seq(), change.store(), change.table(),
					CanonicalJson.write(change.key()),
					(change.before() == null) ? null : CanonicalJson.write(change.before()),
					(change.after() == null) ? null : CanonicalJson.write(change.after()),
					CanonicalJson.writeAbsent(change.absent()) });
		}
		insertItems.insert(rows);
	}

	@Override
	public void removeItemsFrom(String planId, long fromSeq) {
		jdbc.update(DELETE_ITEMS_FROM, planId, fromSeq);
	}

	@Override
	public boolean seal(String planId, String digest, long itemCount, Instant expiresAt) {
		return jdbc.update(SEAL, digest, itemCount, utc(expiresAt), planId) == 1;
	}

	@Override
	public Optional<Plan> find(String planId) {
		return jdbc.query(SELECT_PLAN, PLAN, planId).stream().findFirst();
	}

	@Override
	public void forEachItem(String planId, Consumer<PlanItem> consumer) {
		JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
		streaming.setFetchSize(fetchSize);
		streaming.query(SELECT_ITEMS, (ResultSet rs) -> {
			consumer.accept(ITEM.mapRow(rs, 0));
		}, planId);
	}

	@Override
	public void forEachStoredItem(String planId, Consumer<StoredItem> consumer) {
		JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
		streaming.setFetchSize(fetchSize);
		streaming.query(SELECT_ITEMS, (ResultSet rs) -> {
			consumer.accept(new StoredItem(rs.getLong("seq"), rs.getString("store_name"), rs.getString("table_name"),
					rs.getString("key_json"), rs.getString("before_json"), rs.getString("after_json"),
					rs.getString("absent_json")));
		}, planId);
	}

	@Override
	public List<PlanItem> items(String planId, int limit) {
		return jdbc.query(SELECT_ITEMS + " LIMIT ?", ITEM, planId, limit);
	}

	@Override
	public boolean approve(String planId, String digest, String approver, String comment, Instant at) {
		return jdbc.update(APPROVE, approver, utc(at), comment, digest, planId, digest) == 1;
	}

	@Override
	public boolean reject(String planId, String approver, String comment, Instant at) {
		return jdbc.update(REJECT, approver, utc(at), comment, planId) == 1;
	}

	@Override
	public boolean claim(String planId, long runId) {
		return jdbc.update(CLAIM, runId, planId) == 1;
	}

	@Override
	public boolean markExecuted(String planId) {
		return jdbc.update(MARK_EXECUTED, planId) == 1;
	}

	@Override
	public List<Plan> recent(int limit) {
		return jdbc.query(SELECT_RECENT, PLAN, limit);
	}

	private static OffsetDateTime utc(Instant instant) {
		return (instant == null) ? null : instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value == null) ? null : value.toInstant();
	}

	private static Long longOrNull(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	/** Maps a row of {@code ops_plan_item}; shared with the execute job's reader. */
	public static final RowMapper<PlanItem> ITEM = (rs, rowNum) -> new PlanItem(rs.getString("plan_id"),
			rs.getLong("seq"), new Change(rs.getString("store_name"), rs.getString("table_name"),
					CanonicalJson.readMap(rs.getString("key_json")), CanonicalJson.readMap(rs.getString("before_json")),
					CanonicalJson.readMap(rs.getString("after_json")), CanonicalJson.readAbsent(rs.getString("absent_json"))));

	private static final RowMapper<Plan> PLAN = (rs, rowNum) -> new Plan(rs.getString("id"), rs.getString("action"),
			CanonicalJson.readMap(rs.getString("parameters")), rs.getString("environment"), rs.getString("store_name"),
			rs.getString("requester"), PlanStatus.valueOf(rs.getString("status")), rs.getString("digest"),
			rs.getLong("item_count"), instant(rs, "created_at"), instant(rs, "expires_at"),
			longOrNull(rs, "dry_run_id"), rs.getString("decided_by"), instant(rs, "decided_at"),
			rs.getString("approved_digest"), rs.getString("decision_comment"), longOrNull(rs, "execute_run_id"),
			longOrNull(rs, "source_run_id"));

}
