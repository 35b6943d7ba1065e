package io.opsbatch.platform.schedule.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import io.opsbatch.platform.schedule.ScheduleFire;
import io.opsbatch.platform.schedule.ScheduleFireRepository;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;

/** The fire log in {@code ops_schedule_fire}. */
public class JdbcScheduleFireRepository implements ScheduleFireRepository {

	private static final String COLUMNS = """
			id, schedule_name, trigger_kind, scheduled_at, fired_at, finished_at, instance_id, run_id, outcome, message""";

	private static final String FINISH = """
			UPDATE ops_schedule_fire SET run_id = ?, outcome = ?, message = ?, finished_at = ? WHERE id = ?""";

	private static final String LAST = "SELECT " + COLUMNS
			+ " FROM ops_schedule_fire WHERE schedule_name = ? ORDER BY id DESC LIMIT 1";

	private static final String OF = "SELECT " + COLUMNS + " FROM ops_schedule_fire WHERE schedule_name = ? ORDER BY id";

	private static final int MESSAGE_LENGTH = 2000;

	private final JdbcTemplate jdbc;

	private final SimpleJdbcInsert insert;

	public JdbcScheduleFireRepository(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.insert = new SimpleJdbcInsert(dataSource).withTableName("ops_schedule_fire")
			.usingColumns("schedule_name", "trigger_kind", "scheduled_at", "fired_at", "instance_id", "outcome")
			.usingGeneratedKeyColumns("id");
	}

	@Override
	public long start(String schedule, String kind, Instant scheduledAt, Instant firedAt, String instanceId) {
		return insert.executeAndReturnKey(Map.of("schedule_name", schedule, "trigger_kind", kind, "scheduled_at",
				Timestamp.from(scheduledAt), "fired_at", Timestamp.from(firedAt), "instance_id", instanceId, "outcome",
				ScheduleFire.LAUNCHING))
			.longValue();
	}

	@Override
	public void finish(long id, Long runId, String outcome, String message, Instant finishedAt) {
		String text = (message == null || message.length() <= MESSAGE_LENGTH) ? message
				: message.substring(0, MESSAGE_LENGTH);
		int updated = jdbc.update(FINISH, runId, outcome, text, Timestamp.from(finishedAt), id);
		if (updated != 1) {
			throw new IllegalStateException("schedule fire " + id + " is not in the fire log");
		}
	}

	@Override
	public Optional<ScheduleFire> last(String schedule) {
		return jdbc.query(LAST, JdbcScheduleFireRepository::fire, schedule).stream().findFirst();
	}

	@Override
	public List<ScheduleFire> of(String schedule) {
		return jdbc.query(OF, JdbcScheduleFireRepository::fire, schedule);
	}

	private static ScheduleFire fire(ResultSet rs, int row) throws SQLException {
		long runId = rs.getLong("run_id");
		Long run = rs.wasNull() ? null : runId;
		return new ScheduleFire(rs.getLong("id"), rs.getString("schedule_name"), rs.getString("trigger_kind"),
				instant(rs.getTimestamp("scheduled_at")), instant(rs.getTimestamp("fired_at")),
				instant(rs.getTimestamp("finished_at")), rs.getString("instance_id"), run, rs.getString("outcome"),
				rs.getString("message"));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp == null) ? null : timestamp.toInstant();
	}

}
