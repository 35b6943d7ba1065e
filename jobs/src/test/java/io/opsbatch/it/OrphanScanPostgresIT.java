package io.opsbatch.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.opsbatch.OpsbatchApplication;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The orphan scan contract on PostgreSQL; store {@code other} is a second database ({@code <test db>2}, created
 * here through the local postgres superuser when missing).
 */
@ExtendWith(PostgresAvailable.class)
@SpringBootTest(classes = OpsbatchApplication.class,
		properties = { CliTestSupport.CONFIG, CliTestSupport.NO_CLI_RUNNER, CliTestSupport.FIXES, CliTestSupport.RUNS,
				CliTestSupport.SMALL_CHUNKS, "opsbatch.orphans.directory=" + OrphanScanPostgresIT.RULES,
				"spring.profiles.active=postgres", "DB_NAME=${opsbatch.test.db:opsbatch_test}",
				"DB_USER=opsbatch_test", "OPSBATCH_DEMO=true", "opsbatch.environment=it-postgres",
				"opsbatch.stores.other.url=jdbc:postgresql://127.0.0.1:5432/${opsbatch.test.db:opsbatch_test}2",
				"opsbatch.stores.other.username=opsbatch_test" })
class OrphanScanPostgresIT extends OrphanScanContract {

	static final String RULES = "target/it-orphan-rules-postgres";

	static {
		createSecondDatabase();
	}

	@Override
	Path rulesDirectory() {
		return Path.of(RULES);
	}

	private static void createSecondDatabase() {
		String name = System.getProperty("opsbatch.test.db", "opsbatch_test") + "2";
		try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
				Statement statement = admin.createStatement()) {
			try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
				if (rs.next()) {
					return;
				}
			}
			statement.execute("CREATE DATABASE " + name + " OWNER opsbatch_test");
		}
		catch (SQLException ex) {
			// PostgresAvailable skips (or fails under CI) when PostgreSQL is not there
		}
	}

}
