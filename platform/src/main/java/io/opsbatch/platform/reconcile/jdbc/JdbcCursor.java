package io.opsbatch.platform.reconcile.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import javax.sql.DataSource;

import io.opsbatch.platform.reconcile.ComparisonFailedException;

/**
 * A forward-only cursor over a query's rows on its own connection, fetched in pages so that memory stays bounded
 * (PostgreSQL streams only outside auto-commit). Read-only; the transaction is rolled back on close.
 */
final class JdbcCursor<T> implements Iterator<T>, AutoCloseable {

	/** Maps the current row of a result set. */
	interface Mapper<T> {

		T map(ResultSet rs) throws SQLException;

	}

	private final String store;

	private final Mapper<T> mapper;

	private Connection connection;

	private PreparedStatement statement;

	private ResultSet rs;

	private T next;

	JdbcCursor(DataSource dataSource, String store, String sql, List<Object> parameters, int fetchSize,
			Mapper<T> mapper) {
		this.store = store;
		this.mapper = mapper;
		try {
			connection = dataSource.getConnection();
			connection.setAutoCommit(false);
			statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
			statement.setFetchSize(fetchSize);
			for (int i = 0; i < parameters.size(); i++) {
				statement.setObject(i + 1, parameters.get(i));
			}
			rs = statement.executeQuery();
			advance();
		}
		catch (SQLException ex) {
			close();
			throw failure(ex);
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
	}

	@Override
	public boolean hasNext() {
		return next != null;
	}

	@Override
	public T next() {
		if (next == null) {
			throw new NoSuchElementException();
		}
		T current = next;
		try {
			advance();
		}
		catch (SQLException ex) {
			close();
			throw failure(ex);
		}
		return current;
	}

	private void advance() throws SQLException {
		next = rs.next() ? mapper.map(rs) : null;
		if (next == null) {
			close();
		}
	}

	private ComparisonFailedException failure(SQLException ex) {
		String message = String.valueOf(ex.getMessage());
		int newline = message.indexOf('\n');
		return new ComparisonFailedException("cannot read store " + store + ": "
				+ ((newline < 0) ? message : message.substring(0, newline)), ex);
	}

	@Override
	public void close() {
		if (connection == null) {
			return;
		}
		try {
			if (rs != null) {
				rs.close();
			}
			if (statement != null) {
				statement.close();
			}
			connection.rollback();
			connection.setAutoCommit(true);
		}
		catch (SQLException ex) {
			// releasing a read-only cursor; the connection is closed below either way
		}
		finally {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// nothing left to release
			}
			connection = null;
		}
	}

}
