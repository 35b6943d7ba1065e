package io.opsbatch.platform.issues.support;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.opsbatch.platform.InvalidInputException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * GitHub issues for findings, under {@code opsbatch.github.*}. Without a repo, findings are stored and printed
 * and no issue is filed.
 *
 * @param repo {@code owner/name}; empty disables GitHub
 * @param labels labels every issue gets besides its fingerprint label
 * @param baseUrl the REST API root ({@code https://api.github.com}; GitHub Enterprise: {@code https://host/api/v3})
 * @param token the bearer token, from {@code GITHUB_TOKEN}; never printed
 * @param closeOnOk whether a scan back at OK comments on and closes the open issue (else only comments)
 * @param maxAttempts attempts per request, counting the first, for 5xx, network errors and rate limits
 * @param initialBackoff the wait after the first failed attempt; doubled each time
 * @param maxBackoff the longest wait between attempts after 5xx and network errors
 * @param maxRateLimitWait the longest rate-limit wait honoured; a longer one leaves the finding pending
 * @param timeout connect and request timeout
 */
@ConfigurationProperties("opsbatch.github")
public record GitHubProperties(@DefaultValue("") String repo, @DefaultValue(DEFAULT_LABELS) List<String> labels,
		@DefaultValue(DEFAULT_BASE_URL) URI baseUrl, @DefaultValue("") String token,
		@DefaultValue("true") boolean closeOnOk, @DefaultValue(DEFAULT_MAX_ATTEMPTS) int maxAttempts,
		@DefaultValue(DEFAULT_INITIAL_BACKOFF) Duration initialBackoff,
		@DefaultValue(DEFAULT_MAX_BACKOFF) Duration maxBackoff,
		@DefaultValue(DEFAULT_MAX_RATE_LIMIT_WAIT) Duration maxRateLimitWait,
		@DefaultValue(DEFAULT_TIMEOUT) Duration timeout) {

	/** The public GitHub API. */
	public static final String DEFAULT_BASE_URL = "https://api.github.com";

	/** Issues are labelled {@code opsbatch} and {@code orphans}. */
	public static final String DEFAULT_LABELS = "opsbatch,orphans";

	/** Four attempts per request. */
	public static final String DEFAULT_MAX_ATTEMPTS = "4";

	/** One second after the first failure, then 2, 4... */
	public static final String DEFAULT_INITIAL_BACKOFF = "1s";

	/** At most 30 seconds between attempts. */
	public static final String DEFAULT_MAX_BACKOFF = "30s";

	/** Rate-limit waits up to 5 minutes are honoured. */
	public static final String DEFAULT_MAX_RATE_LIMIT_WAIT = "5m";

	/** Ten seconds. */
	public static final String DEFAULT_TIMEOUT = "10s";

	public GitHubProperties {
		labels = (labels == null) ? List.of() : List.copyOf(labels);
		repo = (repo == null) ? "" : repo.trim();
		token = (token == null) ? "" : token.trim();
	}

	/** Whether issues are filed at all. */
	public boolean enabled() {
		return !repo.isEmpty();
	}

	/**
	 * Check the settings before a scan starts.
	 * @throws InvalidInputException when a repo is configured without a token or is not {@code owner/name}
	 */
	public void check() {
		if (!enabled()) {
			return;
		}
		if (!repo.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
			throw new InvalidInputException("opsbatch.github.repo '" + repo + "' must be owner/name");
		}
		if (token.isEmpty()) {
			throw new InvalidInputException("opsbatch.github.repo is " + repo + " but GITHUB_TOKEN is not set: "
					+ "export GITHUB_TOKEN (a token that may write issues), or set opsbatch.github.repo= to scan "
					+ "without filing issues");
		}
		if (maxAttempts < 1) {
			throw new InvalidInputException("opsbatch.github.max-attempts must be at least 1");
		}
	}

	@Override
	public String toString() {
		return "GitHubProperties[repo=" + repo + ", labels=" + labels + ", baseUrl=" + baseUrl + ", token="
				+ (token.isEmpty() ? "(none)" : "***") + ", closeOnOk=" + closeOnOk + "]";
	}

}
