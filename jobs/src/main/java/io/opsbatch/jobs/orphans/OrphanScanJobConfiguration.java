package io.opsbatch.jobs.orphans;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import io.opsbatch.platform.audit.support.ResultsFileWriter;
import io.opsbatch.platform.change.jdbc.JdbcTargetStores;
import io.opsbatch.platform.cli.TargetEnvironment;
import io.opsbatch.platform.config.OpsbatchProperties;
import io.opsbatch.platform.findings.Finding;
import io.opsbatch.platform.findings.FindingRepository;
import io.opsbatch.platform.findings.support.IssueFiling;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The orphan scan: read-only. {@code orphansScanRules} scans one rule per chunk and stores its finding;
 * {@code orphansScanIssues} files the run's findings in the issue tracker; {@code results.json} is written when the
 * run ends, however it ends.
 */
@Configuration(proxyBeanMethods = false)
public class OrphanScanJobConfiguration {

	/** The job name in the job repository. */
	public static final String JOB_NAME = "orphansScan";

	/** Job parameter: the rule ids, comma separated (identifying, with the scan id). */
	public static final String RULES = "orphans.rules";

	/** Job parameter: the requested strategy. */
	public static final String STRATEGY = "orphans.strategy";

	/** Job parameter: a unique id per launch. */
	public static final String SCAN_ID = "scan.id";

	@Bean
	OrphanRuleCatalog orphanRuleCatalog(
			@Value("${opsbatch.orphans.directory:config/orphan-rules}") Path directory) {
		return new OrphanRuleCatalog(directory);
	}

	@Bean
	OrphanScanner orphanScanner(OpsbatchProperties properties) {
		return new OrphanScanner(properties.chunkSize());
	}

	@Bean
	OrphanIssues orphanIssues(FindingRepository findings, IssueFiling filing, OrphanRuleCatalog catalog,
			TargetEnvironment environment) {
		return new OrphanIssues(findings, filing, catalog, environment.name());
	}

	@Bean
	OrphanResults orphanResults(FindingRepository findings, ResultsFileWriter files, TargetEnvironment environment) {
		return new OrphanResults(findings, files, environment.name());
	}

	@Bean
	Job orphansScanJob(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ListItemReader<String> orphanRuleReader, ItemProcessor<String, Finding> orphanScanProcessor,
			FindingRepository findings, OrphanIssues issues, OrphanResults results) {
		Step scan = new StepBuilder("orphansScanRules", jobRepository).<String, Finding>chunk(1)
			.reader(orphanRuleReader)
			.processor(orphanScanProcessor)
			.writer(findingWriter(findings))
			.transactionManager(transactionManager)
			.build();
		Step file = new StepBuilder("orphansScanIssues", jobRepository).tasklet((contribution, context) -> {
			issues.fileRun(context.getStepContext().getStepExecution().getJobExecutionId());
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
		return new JobBuilder(JOB_NAME, jobRepository).listener(new JobExecutionListener() {
			@Override
			public void afterJob(JobExecution execution) {
				results.write(execution);
			}
		}).start(scan).next(file).build();
	}

	private static ItemWriter<Finding> findingWriter(FindingRepository findings) {
		return (chunk) -> {
			for (Finding finding : chunk) {
				findings.save(finding);
			}
		};
	}

	@Bean
	@StepScope
	ListItemReader<String> orphanRuleReader(@Value("#{jobParameters['" + RULES + "']}") String rules) {
		return new ListItemReader<>(Arrays.stream(rules.split(",")).map(String::trim).filter((s) -> !s.isEmpty()).toList());
	}

	@Bean
	@StepScope
	ItemProcessor<String, Finding> orphanScanProcessor(OrphanRuleCatalog catalog, JdbcTargetStores stores,
			OrphanScanner scanner, OrphanIssues issues, Clock clock,
			@Value("#{jobParameters['" + STRATEGY + "']}") String strategy,
			@Value("#{stepExecution.jobExecutionId}") Long runId) {
		ScanStrategy requested = ScanStrategy.of((strategy == null) ? "auto" : strategy);
		Finding.IssueState initial = issues.initialState();
		return (ruleId) -> {
			OrphanRule rule = catalog.get(ruleId);
			BoundRule bound = OrphanRuleValidator.bind(rule, stores);
			ScanResult result = scanner.scan(bound, requested);
			List<java.util.Map<String, Object>> keys = result.keys();
			return new Finding(null, runId, rule.id(), rule.child().store(), bound.child().table(), result.count(),
					rule.thresholds().rate(result.count()), rule.thresholds().describe(), keys, result.listQuery(),
					result.strategy().label(), clock.instant(), initial);
		};
	}

}
