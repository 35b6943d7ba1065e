package io.opsbatch.platform.schedule.quartz;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Properties;

import javax.sql.DataSource;

import io.opsbatch.platform.launch.Operations;
import io.opsbatch.platform.schedule.ScheduleDeclarations;
import io.opsbatch.platform.schedule.ScheduleFireRepository;
import io.opsbatch.platform.schedule.ScheduleProperties;
import io.opsbatch.platform.schedule.SchedulerProperties;
import io.opsbatch.platform.schedule.Schedules;
import io.opsbatch.platform.schedule.jdbc.JdbcScheduleFireRepository;
import io.opsbatch.platform.schedule.support.ScheduledLaunches;
import org.quartz.Scheduler;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires the schedules to Spring Boot's Quartz scheduler (JDBC job store on the platform database, clustered, see
 * {@code config/application.yml}). The driver delegate follows the database: {@code PostgreSQLDelegate} on
 * PostgreSQL, {@code StdJDBCDelegate} elsewhere, unless configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchedulerProperties.class)
public class QuartzScheduleConfiguration {

	static final String DELEGATE = "org.quartz.jobStore.driverDelegateClass";

	@Bean
	ScheduleFireRepository scheduleFireRepository(DataSource dataSource) {
		return new JdbcScheduleFireRepository(dataSource);
	}

	@Bean
	ScheduledLaunches scheduledLaunches(Operations operations, ScheduleFireRepository fires, Clock clock) {
		return new ScheduledLaunches(operations, fires, clock);
	}

	@Bean
	SchedulerFactoryBeanCustomizer opsbatchQuartzDelegate(DataSource dataSource, QuartzProperties quartz) {
		return (factory) -> {
			Properties properties = new Properties();
			properties.putAll(quartz.getProperties());
			properties.putIfAbsent(DELEGATE, delegateFor(dataSource));
			factory.setQuartzProperties(properties);
		};
	}

	@Bean
	Schedules schedules(Scheduler scheduler, ScheduleProperties declared, ScheduleFireRepository fires,
			JobRepository jobRepository) {
		return new QuartzSchedules(scheduler, declared::schedules, fires, jobRepository);
	}

	@Bean
	@ConditionalOnProperty(name = "opsbatch.scheduler.enabled", havingValue = "true")
	SchedulerStarter schedulerStarter(Scheduler scheduler, ScheduleProperties declared, Operations operations,
			Environment environment) {
		return new SchedulerStarter(scheduler, () -> declared, () -> ScheduleDeclarations.check(declared.schedules(),
				operations.names(), DeclaredScheduleKeys.of(environment)));
	}

	static String delegateFor(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName();
			return "PostgreSQL".equalsIgnoreCase(product) ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"
					: "org.quartz.impl.jdbcjobstore.StdJDBCDelegate";
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot reach the platform database: " + ex.getMessage(), ex);
		}
	}

}
