package io.opsbatch.platform.issues.support;

import io.opsbatch.platform.issues.Issue;
import io.opsbatch.platform.issues.IssueTrackerException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitHubAnswerTest {

	private static final String CREATE = "POST /repos/acme/shop/issues";

	@Test
	void a_documented_issue_is_read_with_number_url_state_and_body() {
		Issue issue = new GitHubAnswer(CREATE, 201, "application/json", """
				{"number": 7, "html_url": "https://github.com/acme/shop/issues/7", "state": "open", "body": "text"}
				""").issue();

		assertThat(issue).isEqualTo(new Issue(7, "https://github.com/acme/shop/issues/7", "open", "text"));
	}

	@Test
	void an_html_page_is_a_tracker_failure_naming_the_request() {
		GitHubAnswer answer = new GitHubAnswer(CREATE, 200, "text/html", "<html><body>Sign in to the proxy</body></html>");

		assertThatThrownBy(answer::issue).isInstanceOf(IssueTrackerException.class)
			.hasMessageStartingWith(CREATE + " answered 200 with a body that is not a GitHub issue (text/html)");
	}

	@Test
	void json_without_number_or_html_url_is_a_tracker_failure() {
		assertThatThrownBy(() -> new GitHubAnswer(CREATE, 201, "", "{\"html_url\": \"x\"}").issue())
			.isInstanceOf(IssueTrackerException.class)
			.hasMessageContaining("not a GitHub issue");
		assertThatThrownBy(() -> new GitHubAnswer(CREATE, 201, "", "{\"number\": 3}").issue())
			.isInstanceOf(IssueTrackerException.class);
		assertThatThrownBy(() -> new GitHubAnswer(CREATE, 201, "", "").issue())
			.isInstanceOf(IssueTrackerException.class);
	}

	@Test
	void a_search_answer_must_be_a_list_of_issues() {
		String search = "GET /repos/acme/shop/issues?state=open";

		assertThat(new GitHubAnswer(search, 200, "", """
				[{"number": 1, "html_url": "u1", "state": "open"}, {"number": 2, "html_url": "u2", "pull_request": {}}]
				""").issues()).extracting(GitHubAnswer.IssueNode::pullRequest).containsExactly(false, true);
		assertThatThrownBy(() -> new GitHubAnswer(search, 200, "", "{\"message\": \"ok\"}").issues())
			.isInstanceOf(IssueTrackerException.class)
			.hasMessageContaining("not a list of GitHub issues");
		assertThatThrownBy(() -> new GitHubAnswer(search, 200, "", "[{\"title\": \"no number\"}]").issues())
			.isInstanceOf(IssueTrackerException.class);
	}

	@Test
	void a_comment_list_gives_the_bodies_and_refuses_html() {
		String list = "GET /repos/acme/shop/issues/1/comments";

		assertThat(new GitHubAnswer(list, 200, "", "[{\"body\": \"a\"}, {\"id\": 2}]").commentBodies())
			.containsExactly("a", null);
		assertThatThrownBy(() -> new GitHubAnswer(list, 200, "text/html", "<html/>").commentBodies())
			.isInstanceOf(IssueTrackerException.class)
			.hasMessageContaining("not a list of comments");
	}

}
