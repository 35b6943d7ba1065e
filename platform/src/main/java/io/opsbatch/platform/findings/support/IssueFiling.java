package io.opsbatch.platform.findings.support;

import java.util.Optional;
import java.util.function.Supplier;

import io.opsbatch.platform.issues.IssueFiler;
import io.opsbatch.platform.issues.support.GitHubProperties;

/** Whether and where this installation files issues for findings. */
public class IssueFiling {

	private final GitHubProperties github;

	private final Supplier<Optional<IssueFiler>> filer;

	public IssueFiling(GitHubProperties github, Supplier<Optional<IssueFiler>> filer) {
		this.github = github;
		this.filer = filer;
	}

	/**
	 * Check the configuration before a scan: a repo without a token is an input error.
	 * @throws io.opsbatch.platform.InvalidInputException when it is incomplete
	 */
	public void check() {
		github.check();
	}

	/** The filer, when a repo is configured (after {@link #check()}). */
	public Optional<IssueFiler> filer() {
		check();
		return filer.get();
	}

}
