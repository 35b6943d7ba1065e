package io.opsbatch.it;

import io.opsbatch.OpsbatchApplication;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Reconciliation on PostgreSQL, four eyes required; the second store is the database named like the test database
 * with a {@code 2} appended ({@code opsbatch_test2} in CI), so cross-store runs between two PostgreSQL databases.
 */
@ExtendWith(PostgresAvailable.class)
@SpringBootTest(classes = OpsbatchApplication.class,
		properties = { CliTestSupport.CONFIG, CliTestSupport.NO_CLI_RUNNER, CliTestSupport.RUNS,
				CliTestSupport.SMALL_CHUNKS, ReconcileContract.DIRECTORY, ReconcileContract.SMALL_SEGMENTS,
				ReconcileContract.SMALL_THRESHOLD, "spring.profiles.active=postgres",
				"DB_NAME=${opsbatch.test.db:opsbatch_test}", "DB_USER=opsbatch_test", "OPSBATCH_DEMO=true",
				"opsbatch.environment=it-postgres",
				"opsbatch.stores.second.url=jdbc:postgresql://127.0.0.1:5432/${opsbatch.test.db:opsbatch_test}2",
				"opsbatch.stores.second.username=opsbatch_test", "opsbatch.stores.second.password=" })
class ReconcilePostgresIT extends ReconcileContract {

	@Override
	JdbcTemplate second() {
		return new JdbcTemplate(new DriverManagerDataSource(PostgresAvailable.URL + "2", PostgresAvailable.USER, ""));
	}

}
