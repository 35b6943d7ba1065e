package io.opsbatch.platform.config;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.opsbatch.platform.approval.ApprovalPolicy;
import io.opsbatch.platform.approval.ApprovalService;
import io.opsbatch.platform.audit.AuditRepository;
import io.opsbatch.platform.audit.jdbc.JdbcAuditRepository;
import io.opsbatch.platform.audit.support.ResultsFileWriter;
import io.opsbatch.platform.batch.ExecuteJobConfiguration;
import io.opsbatch.platform.batch.PlanningJobs;
import io.opsbatch.platform.change.jdbc.JdbcTargetStore;
import io.opsbatch.platform.change.jdbc.JdbcTargetStores;
import io.opsbatch.platform.cli.Secrets;
import io.opsbatch.platform.cli.TargetEnvironment;
import io.opsbatch.platform.launch.LaunchGuard;
import io.opsbatch.platform.launch.LaunchLockRepository;
import io.opsbatch.platform.launch.Operation;
import io.opsbatch.platform.launch.Operations;
import io.opsbatch.platform.launch.jdbc.JdbcLaunchLockRepository;
import io.opsbatch.platform.launch.support.GuardedJobStarts;
import io.opsbatch.platform.plan.PlanRepository;
import io.opsbatch.platform.plan.jdbc.JdbcPlanRepository;
import io.opsbatch.platform.run.RunRepository;
import io.opsbatch.platform.run.jdbc.JdbcRunRepository;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires the platform's plain classes into a Spring Boot application. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpsbatchProperties.class)
@Import(ExecuteJobConfiguration.class)
public class PlatformConfiguration {

	/** Rows fetched per round trip when streaming plan items and audit records. */
	static final int FETCH_SIZE = 1000;

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	TargetEnvironment targetEnvironment(OpsbatchProperties properties, Environment environment) {
		List<String> profiles = Arrays.asList(environment.getActiveProfiles());
		boolean selfApproval = properties.selfApproval()
				&& !TargetEnvironment.isProtected(properties.environment(), profiles);
		String url = environment.getProperty("spring.datasource.url", "embedded");
		return new TargetEnvironment(properties.environment(), profiles, Secrets.mask(url), selfApproval);
	}

	@Bean
	PlanRepository planRepository(DataSource dataSource) {
		return new JdbcPlanRepository(dataSource, FETCH_SIZE);
	}

	@Bean
	AuditRepository auditRepository(DataSource dataSource) {
		return new JdbcAuditRepository(dataSource, FETCH_SIZE);
	}

	@Bean
	RunRepository runRepository(DataSource dataSource) {
		return new JdbcRunRepository(dataSource);
	}

	@Bean
	ApprovalService approvalService(PlanRepository plans, TargetEnvironment environment, Clock clock) {
		return new ApprovalService(plans,
				new ApprovalPolicy(environment.name(), environment.selfApprovalAllowed()), clock);
	}

	@Bean
	ResultsFileWriter resultsFileWriter(OpsbatchProperties properties) {
		return new ResultsFileWriter(properties.runsDirectory());
	}

	@Bean
	PlanningJobs planningJobs(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PlanRepository plans, AuditRepository audit, ResultsFileWriter results, OpsbatchProperties properties,
			Clock clock) {
		return new PlanningJobs(jobRepository, transactionManager, plans, audit, results, properties, clock);
	}

	@Bean
	LaunchLockRepository launchLockRepository(DataSource dataSource) {
		return new JdbcLaunchLockRepository(dataSource);
	}

	@Bean
	LaunchGuard launchGuard(LaunchLockRepository locks, JobRepository jobRepository, Clock clock) {
		return new LaunchGuard(locks, (runId) -> {
			try {
				return Optional.ofNullable(jobRepository.getJobExecution(runId)).map(JobExecution::getStatus);
			}
			catch (EmptyResultDataAccessException ex) {
				return Optional.empty();
			}
		}, clock);
	}

	@Bean
	GuardedJobStarts guardedJobStarts(LaunchGuard guard, JobOperator jobOperator, JobRepository jobRepository) {
		return new GuardedJobStarts(guard, jobOperator, jobRepository);
	}

	@Bean
	Operations operations(List<Operation> operations) {
		return new Operations(operations);
	}

	@Bean
	JdbcTargetStores targetStores(OpsbatchProperties properties, DataSource dataSource, TargetEnvironment environment) {
		Map<String, JdbcTargetStore> stores = new LinkedHashMap<>();
		properties.stores().forEach((name, store) -> {
			if (store.isPlatformDatabase()) {
				stores.put(name, new JdbcTargetStore(name, dataSource, true,
						environment.database() + " (the platform database)"));
			}
			else {
				DataSource own = DataSourceBuilder.create()
					.type(HikariDataSource.class)
					.url(store.url())
					.username(store.username())
					.password(store.password())
					.build();
				stores.put(name, new JdbcTargetStore(name, own, false, Secrets.mask(store.url())));
			}
		});
		return new JdbcTargetStores(stores);
	}

}
