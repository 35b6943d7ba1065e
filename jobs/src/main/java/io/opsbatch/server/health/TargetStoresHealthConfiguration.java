package io.opsbatch.server.health;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.opsbatch.platform.change.jdbc.JdbcTargetStore;
import io.opsbatch.platform.change.jdbc.JdbcTargetStores;
import io.opsbatch.platform.cli.Secrets;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Actuator health: {@code jobRepository} (the Spring Batch tables answer) and {@code targetStores} with one indicator
 * per configured store (a valid connection, its description with credentials masked). The platform database itself
 * is Spring Boot's {@code db} indicator.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class TargetStoresHealthConfiguration {

	private static final int TIMEOUT_SECONDS = 5;

	@Bean
	HealthIndicator jobRepositoryHealthIndicator(DataSource dataSource) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		return () -> {
			try {
				Long last = jdbc.queryForObject("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION", Long.class);
				return Health.up().withDetail("lastRun", (last == null) ? "none" : last).build();
			}
			catch (RuntimeException ex) {
				return Health.down().withDetail("error", Secrets.mask(String.valueOf(ex.getMessage()))).build();
			}
		};
	}

	@Bean
	HealthContributor targetStoresHealthContributor(JdbcTargetStores stores) {
		Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
		for (String name : stores.names()) {
			JdbcTargetStore store = stores.get(name);
			indicators.put(name, () -> check(store));
		}
		return CompositeHealthContributor.fromMap(indicators);
	}

	private static Health check(JdbcTargetStore store) {
		try (Connection connection = store.dataSource().getConnection()) {
			boolean valid = connection.isValid(TIMEOUT_SECONDS);
			return (valid ? Health.up() : Health.down()).withDetail("store", store.describe()).build();
		}
		catch (java.sql.SQLException | RuntimeException ex) {
			return Health.down().withDetail("store", store.describe())
				.withDetail("error", Secrets.mask(String.valueOf(ex.getMessage()))).build();
		}
	}

}
