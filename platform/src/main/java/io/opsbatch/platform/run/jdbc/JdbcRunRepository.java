package io.opsbatch.platform.run.jdbc;

import java.util.List;

import javax.sql.DataSource;

import io.opsbatch.platform.run.RunRepository;

import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the standard {@code BATCH_JOB_EXECUTION} table. */
public class JdbcRunRepository implements RunRepository {

	private static final String RECENT = "SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID DESC LIMIT ?";

	private final JdbcTemplate jdbc;

	public JdbcRunRepository(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@Override
	public List<Long> recentRunIds(int limit) {
		return jdbc.queryForList(RECENT, Long.class, limit);
	}

}
