package io.opsbatch.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opsbatch.platform.plan.CanonicalJson;

/**
 * A GitHub issues API on 127.0.0.1 for tests: checks every request's method, path, headers and JSON body as GitHub
 * documents them, keeps issues and comments in memory, and answers with GitHub-shaped bodies. Failures can be
 * scripted for the next requests.
 */
final class FakeGitHub implements AutoCloseable {

	static final String REPO = "acme/shop";

	static final String TOKEN = "ghp_test0secret0token0value";

	private static final Pattern ISSUES = Pattern.compile("/repos/acme/shop/issues");

	private static final Pattern ISSUE = Pattern.compile("/repos/acme/shop/issues/(\\d+)");

	private static final Pattern COMMENTS = Pattern.compile("/repos/acme/shop/issues/(\\d+)/comments");

	private final HttpServer server;

	final Map<Long, Map<String, Object>> issues = new TreeMap<>();

	final List<Map<String, Object>> comments = new CopyOnWriteArrayList<>();

	final List<String> requests = new CopyOnWriteArrayList<>();

	final List<String> violations = new CopyOnWriteArrayList<>();

	private final Deque<Failure> failures = new ArrayDeque<>();

	/** Answers for the next create requests, which then create nothing. */
	private final Deque<Failure> createFailures = new ArrayDeque<>();

	/** When set, the next create is applied but answered with this status (the response is lost). */
	private Integer loseNextCreateResponse;

	/** When set, the next comment is added but answered with this status (the response is lost). */
	private Integer loseNextCommentResponse;

	private boolean failAfterLostComment;

	private static final Pattern ISO_SECONDS = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

	FakeGitHub() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", this::handle);
		server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	synchronized void reset() {
		issues.clear();
		comments.clear();
		requests.clear();
		violations.clear();
		failures.clear();
		createFailures.clear();
		loseNextCreateResponse = null;
		loseNextCommentResponse = null;
		failAfterLostComment = false;
	}

	/** The next {@code times} requests get this status and these headers. */
	synchronized void failNext(int times, int status, Map<String, String> headers) {
		failNext(times, status, headers, "scripted failure");
	}

	/** The next {@code times} requests get this status, these headers and this GitHub error message. */
	synchronized void failNext(int times, int status, Map<String, String> headers, String message) {
		for (int i = 0; i < times; i++) {
			failures.add(Failure.json(status, headers, message));
		}
	}

	/** The next create is refused with this status (nothing is created); the requests before it are served. */
	synchronized void failNextCreate(int status) {
		createFailures.add(Failure.json(status, Map.of(), "Server Error"));
	}

	/** The next create is answered by a proxy's HTML page with this status (nothing is created). */
	synchronized void answerNextCreateWithHtml(int status) {
		createFailures.add(new Failure(status, Map.of(), "text/html; charset=utf-8",
				"<!DOCTYPE html><html><head><title>Sign in</title></head><body>Corporate proxy</body></html>"));
	}

	synchronized void clearFailures() {
		failures.clear();
		createFailures.clear();
	}

	synchronized void loseNextCreateResponse(int status) {
		loseNextCreateResponse = status;
	}

	synchronized void loseNextCommentResponse(int status) {
		loseNextCommentResponse = status;
	}

	/** Lose the next comment's response, then fail every request after it with 500 until cleared. */
	synchronized void loseNextCommentResponseThenFail(int status) {
		loseNextCommentResponse = status;
		failAfterLostComment = true;
	}

	long count(String method) {
		return requests.stream().filter((r) -> r.startsWith(method + " ")).count();
	}

	private synchronized void handle(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestMethod();
		String path = exchange.getRequestURI().getPath();
		String query = exchange.getRequestURI().getQuery();
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		requests.add(method + " " + path + ((query == null) ? "" : "?" + query));
		check("Accept", "application/vnd.github+json", exchange);
		check("X-GitHub-Api-Version", "2022-11-28", exchange);
		check("Authorization", "Bearer " + TOKEN, exchange);
		if (!failures.isEmpty()) {
			failures.poll().respond(exchange);
			return;
		}
		Matcher comment = COMMENTS.matcher(path);
		Matcher issue = ISSUE.matcher(path);
		if (method.equals("GET") && ISSUES.matcher(path).matches()) {
			Map<String, String> params = params(query);
			if (!"open".equals(params.get("state")) || params.get("labels") == null) {
				violations.add("search without state=open and labels: " + query);
			}
			List<Object> open = new ArrayList<>();
			for (Map<String, Object> i : issues.values()) {
				if ("open".equals(i.get("state")) && labelNames(i).contains(params.get("labels"))) {
					open.add(i);
				}
			}
			respond(exchange, 200, open);
		}
		else if (method.equals("POST") && ISSUES.matcher(path).matches()) {
			Map<String, Object> request = json(body, exchange);
			if (!(request.get("title") instanceof String) || !(request.get("body") instanceof String)
					|| !(request.get("labels") instanceof List<?> labels)
					|| !labels.stream().allMatch(String.class::isInstance)) {
				violations.add("create without title, body and labels: " + body);
				respond(exchange, 422, Map.of("message", "Validation Failed"));
				return;
			}
			if (!createFailures.isEmpty()) {
				createFailures.poll().respond(exchange);
				return;
			}
			long number = issues.size() + 1;
			Map<String, Object> created = new LinkedHashMap<>();
			created.put("id", 1000 + number);
			created.put("node_id", "I_" + number);
			created.put("url", baseUrl() + "/repos/acme/shop/issues/" + number);
			created.put("html_url", "https://github.com/acme/shop/issues/" + number);
			created.put("number", number);
			created.put("state", "open");
			created.put("title", request.get("title"));
			created.put("body", request.get("body"));
			created.put("labels", ((List<?>) request.get("labels")).stream()
				.map((name) -> Map.of("id", name.hashCode(), "name", name, "color", "ededed"))
				.toList());
			created.put("comments", 0);
			created.put("created_at", "2026-01-01T00:00:00Z");
			issues.put(number, created);
			if (loseNextCreateResponse != null) {
				int status = loseNextCreateResponse;
				loseNextCreateResponse = null;
				respond(exchange, status, Map.of("message", "Server Error"));
				return;
			}
			respond(exchange, 201, created);
		}
		else if (method.equals("GET") && comment.matches()) {
			// GET /repos/{owner}/{repo}/issues/{issue_number}/comments: since (ISO 8601), per_page, page; oldest first
			Map<String, String> params = params(query);
			String since = params.get("since");
			if (since != null && !ISO_SECONDS.matcher(since).matches()) {
				violations.add("since is not YYYY-MM-DDTHH:MM:SSZ: " + since);
			}
			int perPage = Integer.parseInt(params.getOrDefault("per_page", "30"));
			int page = Integer.parseInt(params.getOrDefault("page", "1"));
			long number = Long.parseLong(comment.group(1));
			List<Object> listed = comments.stream()
				.filter((c) -> Long.valueOf(number).equals(c.get("issue_number")))
				.filter((c) -> since == null || Instant.parse((String) c.get("updated_at")).compareTo(Instant.parse(since)) >= 0)
				.skip((long) (page - 1) * perPage)
				.limit(perPage)
				.map(Object.class::cast)
				.toList();
			respond(exchange, 200, listed);
		}
		else if (method.equals("POST") && comment.matches()) {
			Map<String, Object> request = json(body, exchange);
			Map<String, Object> target = issues.get(Long.parseLong(comment.group(1)));
			if (target == null || !(request.get("body") instanceof String)) {
				respond(exchange, 404, Map.of("message", "Not Found"));
				return;
			}
			Map<String, Object> created = new LinkedHashMap<>();
			created.put("id", 5000 + comments.size());
			created.put("issue_number", target.get("number"));
			created.put("body", request.get("body"));
			created.put("html_url", target.get("html_url") + "#issuecomment-" + (5000 + comments.size()));
			created.put("issue_url", target.get("url"));
			String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
			created.put("created_at", now);
			created.put("updated_at", now);
			comments.add(created);
			if (loseNextCommentResponse != null) {
				int status = loseNextCommentResponse;
				loseNextCommentResponse = null;
				if (failAfterLostComment) {
					failAfterLostComment = false;
					failNext(1000, 500, Map.of());
				}
				respond(exchange, status, Map.of("message", "Server Error"));
				return;
			}
			respond(exchange, 201, created);
		}
		else if (method.equals("PATCH") && issue.matches()) {
			Map<String, Object> request = json(body, exchange);
			Map<String, Object> target = issues.get(Long.parseLong(issue.group(1)));
			if (target == null || !"closed".equals(request.get("state"))) {
				violations.add("patch without state=closed: " + body);
				respond(exchange, 422, Map.of("message", "Validation Failed"));
				return;
			}
			target.put("state", "closed");
			target.put("state_reason", request.get("state_reason"));
			respond(exchange, 200, target);
		}
		else {
			violations.add("unexpected request " + method + " " + path);
			respond(exchange, 404, Map.of("message", "Not Found"));
		}
	}

	@SuppressWarnings("unchecked")
	static List<String> labelNames(Map<String, Object> issue) {
		return ((List<Map<String, Object>>) issue.get("labels")).stream().map((l) -> (String) l.get("name")).toList();
	}

	private void check(String header, String expected, HttpExchange exchange) {
		String actual = exchange.getRequestHeaders().getFirst(header);
		if (!expected.equals(actual)) {
			violations.add(header + " was " + actual);
		}
	}

	private Map<String, Object> json(String body, HttpExchange exchange) {
		if (!"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
			violations.add("body without Content-Type application/json");
		}
		return CanonicalJson.readMap(body);
	}

	private static Map<String, String> params(String query) {
		Map<String, String> params = new LinkedHashMap<>();
		if (query != null) {
			for (String pair : query.split("&")) {
				int equals = pair.indexOf('=');
				params.put(pair.substring(0, equals),
						java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return params;
	}

	private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
		respond(exchange, status, "application/json; charset=utf-8", CanonicalJson.write(body));
	}

	private static void respond(HttpExchange exchange, int status, String contentType, String body)
			throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}

	record Failure(int status, Map<String, String> headers, String contentType, String body) {

		static Failure json(int status, Map<String, String> headers, String message) {
			return new Failure(status, headers, "application/json; charset=utf-8", CanonicalJson.write(
					Map.of("message", message, "documentation_url", "https://docs.github.com/rest")));
		}

		void respond(HttpExchange exchange) throws IOException {
			headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
			FakeGitHub.respond(exchange, status, contentType, body);
		}

	}

}
