package io.opsbatch.jobs.orphans;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.opsbatch.platform.change.jdbc.JdbcValues;

/**
 * Streams the rows of one query on its own read-only connection, {@code fetchSize} rows per round trip (on
 * PostgreSQL a fetch size streams only inside a transaction, so auto-commit is off). Memory does not grow with the
 * number of rows.
 */
final class RowCursor implements AutoCloseable {

	private final Connection connection;

	private final PreparedStatement statement;

	private final ResultSet rows;

	private final int width;

	RowCursor(DataSource dataSource, String sql, int width, int fetchSize) {
		this.width = width;
		Connection opened = null;
		try {
			opened = dataSource.getConnection();
			opened.setAutoCommit(false);
			opened.setReadOnly(true);
			PreparedStatement ps = opened.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
			ps.setFetchSize(fetchSize);
			this.connection = opened;
			this.statement = ps;
			this.rows = ps.executeQuery();
		}
		catch (SQLException ex) {
			closeQuietly(opened);
			throw new IllegalStateException("cannot run " + sql + ": " + ex.getMessage(), ex);
		}
	}

	/** The next row's values (JSON-friendly), or null at the end. */
	List<Object> next() {
		try {
			if (!rows.next()) {
				return null;
			}
			List<Object> values = new ArrayList<>(width);
			for (int i = 1; i <= width; i++) {
				values.add(JdbcValues.toJson(rows.getObject(i)));
			}
			return values;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("reading rows failed: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		try {
			rows.close();
			statement.close();
			connection.rollback();
			connection.setReadOnly(false);
			connection.setAutoCommit(true);
		}
		catch (SQLException ex) {
			// closing a read-only cursor: nothing to keep
		}
		finally {
			closeQuietly(connection);
		}
	}

	private static void closeQuietly(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// already failing or done
			}
		}
	}

}
