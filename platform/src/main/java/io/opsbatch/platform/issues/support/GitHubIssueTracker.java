package io.opsbatch.platform.issues.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.opsbatch.platform.findings.Fingerprint;
import io.opsbatch.platform.issues.Issue;
import io.opsbatch.platform.issues.IssueTracker;
import io.opsbatch.platform.issues.IssueTrackerException;
import io.opsbatch.platform.plan.CanonicalJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * GitHub's REST API for issues, with the JDK HTTP client. Requests carry {@code Accept: application/vnd.github+json},
 * {@code X-GitHub-Api-Version: 2022-11-28} and the bearer token; the token never appears in a message.
 * <p>
 * Retries: rate limits (429, or 403 with {@code X-RateLimit-Remaining: 0} or {@code Retry-After}) wait as GitHub says
 * ({@code Retry-After} seconds, else until {@code X-RateLimit-Reset}, else a minute) and retry, since the request was
 * refused. 5xx and network errors are retried with exponential backoff, except for the create request: it may have
 * succeeded, so {@link #create} searches for the issue again before it posts again, and never opens a duplicate.
 * <p>
 * A 2xx answer that is not what GitHub documents (a proxy's HTML page, an issue without {@code number}) is a failure
 * that is not retried here (see {@link GitHubAnswer}); the finding stays pending and a later filing, which looks for
 * the issue and the comment first, completes it.
 */
public class GitHubIssueTracker implements IssueTracker {

	/** The REST API version the requests are written for. */
	public static final String API_VERSION = "2022-11-28";

	private final GitHubProperties properties;

	private final HttpClient http;

	private final Clock clock;

	private final Sleeper sleeper;

	public GitHubIssueTracker(GitHubProperties properties, Clock clock, Sleeper sleeper) {
		this.properties = properties;
		this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
		this.clock = clock;
		this.sleeper = sleeper;
	}

	@Override
	public String describe() {
		return properties.baseUrl().getHost() + " " + properties.repo();
	}

	@Override
	public Optional<Issue> findOpen(Fingerprint fingerprint) {
		String path = repoPath() + "/issues?state=open&per_page=100&labels="
				+ URLEncoder.encode(fingerprint.label(), StandardCharsets.UTF_8);
		Issue found = null;
		for (GitHubAnswer.IssueNode node : send("GET", path, null, true).issues()) {
			Issue issue = node.issue();
			if (!node.pullRequest() && issue.body() != null && issue.body().contains(fingerprint.marker())
					&& (found == null || issue.number() < found.number())) {
				found = issue;
			}
		}
		return Optional.ofNullable(found);
	}

	@Override
	public Issue create(Fingerprint fingerprint, String title, String body, List<String> extraLabels) {
		List<String> labels = new ArrayList<>(extraLabels);
		labels.add(fingerprint.label());
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("title", title);
		request.put("body", body);
		request.put("labels", labels);
		IssueTrackerException last = null;
		for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
			if (attempt > 1) {
				// the failed create may have gone through: look again before posting again
				Optional<Issue> existing = findOpen(fingerprint);
				if (existing.isPresent()) {
					return existing.get();
				}
			}
			try {
				return send("POST", repoPath() + "/issues", request, false).issue();
			}
			catch (Ambiguous ex) {
				last = ex;
				if (attempt < properties.maxAttempts()) {
					sleeper.sleep(backoff(attempt));
				}
			}
		}
		throw last;
	}

	@Override
	public void comment(long number, String body, String marker, Instant since) {
		IssueTrackerException last = null;
		for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
			// an earlier attempt (this call's, or an earlier filing of the same run) may have gone through
			if (hasComment(number, marker, since)) {
				return;
			}
			try {
				send("POST", repoPath() + "/issues/" + number + "/comments", Map.of("body", body), false).requireJson();
				return;
			}
			catch (Ambiguous ex) {
				last = ex;
				if (attempt < properties.maxAttempts()) {
					sleeper.sleep(backoff(attempt));
				}
			}
		}
		throw last;
	}

	/** Whether a comment updated since that time carries the marker; pages through at most 1,000 comments. */
	private boolean hasComment(long number, String marker, Instant since) {
		String path = repoPath() + "/issues/" + number + "/comments?per_page=100&since="
				+ DateTimeFormatter.ISO_INSTANT.format(since.truncatedTo(ChronoUnit.SECONDS));
		for (int page = 1; page <= 10; page++) {
			List<String> comments = send("GET", path + "&page=" + page, null, true).commentBodies();
			if (comments.stream().anyMatch((text) -> text != null && text.contains(marker))) {
				return true;
			}
			if (comments.size() < 100) {
				return false;
			}
		}
		return false;
	}

	@Override
	public void close(long number) {
		send("PATCH", repoPath() + "/issues/" + number, Map.of("state", "closed", "state_reason", "completed"), true)
			.issue();
	}

	private String repoPath() {
		return "/repos/" + properties.repo();
	}

	private GitHubAnswer send(String method, String path, Object body, boolean retryAmbiguous) {
		String what = method + " " + path;
		for (int attempt = 1;; attempt++) {
			Duration wait;
			String failure;
			boolean ambiguous;
			try {
				HttpResponse<String> response = http.send(request(method, path, body),
						HttpResponse.BodyHandlers.ofString());
				int status = response.statusCode();
				if (status >= 200 && status < 300) {
					return new GitHubAnswer(what, status, response.headers().firstValue("Content-Type").orElse(""),
							(response.body() == null) ? "" : response.body());
				}
				failure = what + " answered " + status + withoutToken(message(response));
				Duration rateLimit = rateLimitWait(response);
				if (rateLimit != null) {
					if (rateLimit.compareTo(properties.maxRateLimitWait()) > 0) {
						throw new IssueTrackerException(failure + "; rate limited for " + rateLimit.toSeconds()
								+ "s, more than opsbatch.github.max-rate-limit-wait");
					}
					wait = rateLimit;
					ambiguous = false;
				}
				else if (status >= 500) {
					wait = backoff(attempt);
					ambiguous = true;
				}
				else {
					throw new IssueTrackerException(failure);
				}
			}
			catch (IOException ex) {
				failure = what + " failed: " + ex.getClass().getSimpleName()
						+ ((ex.getMessage() == null) ? "" : " " + withoutToken(ex.getMessage()));
				wait = backoff(attempt);
				ambiguous = true;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IssueTrackerException(what + " interrupted", ex);
			}
			if (ambiguous && !retryAmbiguous) {
				throw new Ambiguous(failure);
			}
			if (attempt >= properties.maxAttempts()) {
				throw new IssueTrackerException(failure + " (gave up after " + attempt + " attempts)");
			}
			sleeper.sleep(wait);
		}
	}

	private HttpRequest request(String method, String path, Object body) {
		HttpRequest.BodyPublisher publisher = (body == null) ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(CanonicalJson.write(body), StandardCharsets.UTF_8);
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(stripSlash(properties.baseUrl()) + path))
			.timeout(properties.timeout())
			.header("Accept", "application/vnd.github+json")
			.header("X-GitHub-Api-Version", API_VERSION)
			.header("Authorization", "Bearer " + properties.token())
			.header("User-Agent", "opsbatch")
			.method(method, publisher);
		if (body != null) {
			builder.header("Content-Type", "application/json");
		}
		return builder.build();
	}

	/** How long GitHub asks us to wait, or null when the response is not a rate limit. */
	private Duration rateLimitWait(HttpResponse<String> response) {
		int status = response.statusCode();
		Optional<String> retryAfter = response.headers().firstValue("Retry-After");
		Optional<String> remaining = response.headers().firstValue("X-RateLimit-Remaining");
		boolean limited = status == 429 || (status == 403 && (retryAfter.isPresent() || remaining.filter("0"::equals).isPresent()));
		if (!limited) {
			return null;
		}
		if (retryAfter.isPresent()) {
			try {
				return Duration.ofSeconds(Math.max(1, Long.parseLong(retryAfter.get().trim())));
			}
			catch (NumberFormatException ex) {
				// an HTTP date: fall through to the reset header or the default
			}
		}
		Optional<String> reset = response.headers().firstValue("X-RateLimit-Reset");
		if (reset.isPresent()) {
			try {
				Duration until = Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(reset.get().trim())));
				return until.isNegative() ? Duration.ofSeconds(1) : until.plusSeconds(1);
			}
			catch (NumberFormatException ex) {
				// use the default
			}
		}
		return Duration.ofMinutes(1);
	}

	private Duration backoff(int attempt) {
		Duration wait = properties.initialBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
		return (wait.compareTo(properties.maxBackoff()) > 0) ? properties.maxBackoff() : wait;
	}

	private static String message(HttpResponse<String> response) {
		try {
			JsonNode node = CanonicalJson.MAPPER.readTree(response.body());
			return node.has("message") ? ": " + node.get("message").asString() : "";
		}
		catch (JacksonException ex) {
			return "";
		}
	}

	/** GitHub's own messages are quoted in failures; a proxy may echo what it was sent. */
	private String withoutToken(String text) {
		String token = properties.token();
		return (token.isEmpty() || text == null) ? text : text.replace(token, "***");
	}

	private static String stripSlash(URI uri) {
		String text = uri.toString();
		return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
	}

	/** A failure after which the request may or may not have taken effect. */
	private static final class Ambiguous extends IssueTrackerException {

		Ambiguous(String message) {
			super(message);
		}

	}

}
