package io.opsbatch.platform.issues.support;

import java.util.ArrayList;
import java.util.List;

import io.opsbatch.platform.issues.Issue;
import io.opsbatch.platform.issues.IssueTrackerException;
import io.opsbatch.platform.plan.CanonicalJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A successful (2xx) answer of the GitHub API, read as the shape the request expects. A body that is not that shape
 * (a proxy's HTML page, JSON without {@code number} or {@code html_url}) is an {@link IssueTrackerException} naming the
 * request, never a parser error: the finding stays pending and a later filing completes it.
 *
 * @param request what was asked, e.g. {@code POST /repos/acme/shop/issues}
 * @param status the HTTP status
 * @param contentType the answer's {@code Content-Type}, or empty
 * @param body the answer's text
 */
record GitHubAnswer(String request, int status, String contentType, String body) {

	/** The answer as one issue. */
	Issue issue() {
		JsonNode node = json("a GitHub issue");
		if (!isIssue(node)) {
			throw notA("a GitHub issue");
		}
		return toIssue(node);
	}

	/** The answer as a list of issues (pull requests included, as GitHub lists them). */
	List<IssueNode> issues() {
		JsonNode node = json("a list of GitHub issues");
		if (!node.isArray()) {
			throw notA("a list of GitHub issues");
		}
		List<IssueNode> issues = new ArrayList<>();
		for (JsonNode element : node) {
			if (!isIssue(element)) {
				throw notA("a list of GitHub issues");
			}
			issues.add(new IssueNode(toIssue(element), element.has("pull_request")));
		}
		return issues;
	}

	/** The comment bodies of a list of comments (null where a comment has none). */
	List<String> commentBodies() {
		JsonNode node = json("a list of comments");
		if (!node.isArray()) {
			throw notA("a list of comments");
		}
		List<String> bodies = new ArrayList<>();
		for (JsonNode comment : node) {
			if (!comment.isObject()) {
				throw notA("a list of comments");
			}
			JsonNode text = comment.get("body");
			bodies.add((text != null && text.isString()) ? text.stringValue() : null);
		}
		return bodies;
	}

	/** Check that the answer is JSON at all (for requests whose answer is not used). */
	void requireJson() {
		if (!body.isBlank()) {
			json("JSON");
		}
	}

	private JsonNode json(String expected) {
		if (body.isBlank()) {
			throw notA(expected);
		}
		try {
			return CanonicalJson.MAPPER.readTree(body);
		}
		catch (JacksonException ex) {
			throw notA(expected);
		}
	}

	private IssueTrackerException notA(String expected) {
		String type = contentType.isBlank() ? "" : " (" + contentType + ")";
		return new IssueTrackerException(request + " answered " + status + " with a body that is not " + expected
				+ type + ": check opsbatch.github.base-url and any proxy between opsbatch and GitHub");
	}

	private static boolean isIssue(JsonNode node) {
		if (!node.isObject()) {
			return false;
		}
		JsonNode number = node.get("number");
		JsonNode url = node.get("html_url");
		return number != null && number.isIntegralNumber() && url != null && url.isString();
	}

	private static Issue toIssue(JsonNode node) {
		JsonNode state = node.get("state");
		JsonNode body = node.get("body");
		return new Issue(node.get("number").longValue(), node.get("html_url").stringValue(),
				(state != null && state.isString()) ? state.stringValue() : null,
				(body != null && body.isString()) ? body.stringValue() : null);
	}

	/** An issue of a list, and whether it is a pull request. */
	record IssueNode(Issue issue, boolean pullRequest) {
	}

}
