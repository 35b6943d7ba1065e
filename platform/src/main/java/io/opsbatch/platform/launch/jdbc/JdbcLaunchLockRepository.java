package io.opsbatch.platform.launch.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

import javax.sql.DataSource;

import io.opsbatch.platform.launch.LaunchLock;
import io.opsbatch.platform.launch.LaunchLockRepository;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link LaunchLockRepository} in {@code ops_launch_lock}. The primary key makes taking a free lock atomic across
 * processes; take-over, attach and release compare the acquisition's token, so each is one compare-and-set.
 */
public class JdbcLaunchLockRepository implements LaunchLockRepository {

	private static final String INSERT = """
			INSERT INTO ops_launch_lock (lock_key, operation, parameters, run_id, holder, token, acquired_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)""";

	private static final String FIND = """
			SELECT lock_key, operation, parameters, run_id, holder, token, acquired_at FROM ops_launch_lock
			WHERE lock_key = ?""";

	private static final String TAKE_OVER = """
			UPDATE ops_launch_lock SET run_id = NULL, holder = ?, token = ?, acquired_at = ?
			WHERE lock_key = ? AND token = ?""";

	private static final String ATTACH = "UPDATE ops_launch_lock SET run_id = ? WHERE lock_key = ? AND token = ?";

	private static final String RELEASE = "DELETE FROM ops_launch_lock WHERE lock_key = ? AND token = ?";

	private static final int PARAMETERS_LENGTH = 4000;

	private final JdbcTemplate jdbc;

	public JdbcLaunchLockRepository(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@Override
	public boolean insert(LaunchLock lock) {
		try {
			return jdbc.update(INSERT, lock.key(), lock.operation(), shortened(lock.parameters()), lock.runId(),
					lock.holder(), lock.token(), Timestamp.from(lock.acquiredAt())) == 1;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	@Override
	public Optional<LaunchLock> find(String key) {
		return jdbc.query(FIND, JdbcLaunchLockRepository::lock, key).stream().findFirst();
	}

	@Override
	public boolean takeOver(LaunchLock stale, LaunchLock lock) {
		return jdbc.update(TAKE_OVER, lock.holder(), lock.token(), Timestamp.from(lock.acquiredAt()), stale.key(),
				stale.token()) == 1;
	}

	@Override
	public boolean attach(LaunchLock lock, long runId) {
		return jdbc.update(ATTACH, runId, lock.key(), lock.token()) == 1;
	}

	@Override
	public boolean release(LaunchLock lock) {
		return jdbc.update(RELEASE, lock.key(), lock.token()) == 1;
	}

	private static String shortened(String text) {
		return (text.length() <= PARAMETERS_LENGTH) ? text : text.substring(0, PARAMETERS_LENGTH);
	}

	private static LaunchLock lock(ResultSet rs, int row) throws SQLException {
		long runId = rs.getLong("run_id");
		Long run = rs.wasNull() ? null : runId;
		return new LaunchLock(rs.getString("lock_key"), rs.getString("operation"), rs.getString("parameters"), run,
				rs.getString("holder"), rs.getString("token"), rs.getTimestamp("acquired_at").toInstant());
	}

}
