package io.opsbatch.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs PostgreSQL tests when the test database answers. When it does not: with {@code CI=true} the tests fail (CI
 * must provide PostgreSQL), otherwise they are skipped with the reason.
 */
public class PostgresAvailable implements ExecutionCondition {

	static final String URL = "jdbc:postgresql://127.0.0.1:5432/" + System.getProperty("opsbatch.test.db", "opsbatch_test");

	static final String USER = "opsbatch_test";

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		try (Connection connection = DriverManager.getConnection(URL, USER, "")) {
			return ConditionEvaluationResult.enabled("PostgreSQL answers at " + URL);
		}
		catch (SQLException ex) {
			String reason = "PostgreSQL test database unavailable at " + URL + " as " + USER + ": " + ex.getMessage()
					+ " (run .ci/run, or create it: see README)";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException(reason, ex);
			}
			return ConditionEvaluationResult.disabled(reason);
		}
	}

}
