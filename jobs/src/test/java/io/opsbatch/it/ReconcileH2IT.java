package io.opsbatch.it;

import io.opsbatch.OpsbatchApplication;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Reconciliation on the embedded H2 database; the second store is another in-memory database. */
@SpringBootTest(classes = OpsbatchApplication.class,
		properties = { CliTestSupport.CONFIG, CliTestSupport.NO_CLI_RUNNER, CliTestSupport.RUNS,
				CliTestSupport.SMALL_CHUNKS, ReconcileContract.DIRECTORY, ReconcileContract.SMALL_SEGMENTS,
				ReconcileContract.SMALL_THRESHOLD, "spring.datasource.url=jdbc:h2:mem:reconcile;DB_CLOSE_DELAY=-1",
				"opsbatch.stores.second.url=" + ReconcileH2IT.SECOND, "opsbatch.stores.second.username=sa",
				"opsbatch.stores.second.password=" })
class ReconcileH2IT extends ReconcileContract {

	static final String SECOND = "jdbc:h2:mem:reconcile-second;DB_CLOSE_DELAY=-1";

	@Override
	JdbcTemplate second() {
		return new JdbcTemplate(new DriverManagerDataSource(SECOND, "sa", ""));
	}

}
