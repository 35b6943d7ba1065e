package io.opsbatch.platform.findings.support;

import java.time.Clock;
import java.util.Optional;

import javax.sql.DataSource;

import io.opsbatch.platform.findings.FindingRepository;
import io.opsbatch.platform.findings.jdbc.JdbcFindingRepository;
import io.opsbatch.platform.issues.IssueFiler;
import io.opsbatch.platform.issues.support.GitHubIssueTracker;
import io.opsbatch.platform.issues.support.GitHubProperties;
import io.opsbatch.platform.issues.support.Sleeper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires findings and the GitHub issue tracker. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GitHubProperties.class)
public class FindingsConfiguration {

	@Bean
	FindingRepository findingRepository(DataSource dataSource) {
		return new JdbcFindingRepository(dataSource);
	}

	@Bean
	IssueFiling issueFiling(GitHubProperties github, Clock clock, ObjectProvider<Sleeper> sleeper) {
		return new IssueFiling(github, () -> github.enabled()
				? Optional.of(new IssueFiler(new GitHubIssueTracker(github, clock, sleeper.getIfAvailable(() -> Sleeper.THREAD)),
						github.labels(), github.closeOnOk()))
				: Optional.empty());
	}

}
