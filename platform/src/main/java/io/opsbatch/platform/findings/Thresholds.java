package io.opsbatch.platform.findings;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.opsbatch.platform.InvalidInputException;

/**
 * Rates a count of findings. The runbook's default: 0 is {@link Severity#OK}, 1 to 5 {@link Severity#INDIVIDUAL},
 * 6 or more {@link Severity#ISSUE}. A rule may set its own bounds, written like dbt's {@code warn_if}/{@code error_if}
 * ({@code "> 0"}, {@code ">= 6"}).
 *
 * @param individualFrom the smallest count rated INDIVIDUAL
 * @param issueFrom the smallest count rated ISSUE; at least {@code individualFrom}
 */
public record Thresholds(long individualFrom, long issueFrom) {

	/** The runbook's default: 1-5 individual, 6 or more an issue. */
	public static final Thresholds DEFAULT = new Thresholds(1, 6);

	private static final Pattern CONDITION = Pattern.compile("\\s*(>=|>)\\s*(\\d{1,12})\\s*");

	public Thresholds {
		if (individualFrom < 1) {
			throw new InvalidInputException("the individual threshold must be at least 1 (0 orphans is always OK)");
		}
		if (issueFrom < individualFrom) {
			throw new InvalidInputException("the issue threshold (" + issueFrom
					+ ") must not be below the individual threshold (" + individualFrom + ")");
		}
	}

	/** The severity of {@code count} findings. */
	public Severity rate(long count) {
		if (count >= issueFrom) {
			return Severity.ISSUE;
		}
		return (count >= individualFrom) ? Severity.INDIVIDUAL : Severity.OK;
	}

	/**
	 * Thresholds from dbt-style conditions; a null condition keeps the default bound.
	 * @throws InvalidInputException when a condition is not {@code > n} or {@code >= n}
	 */
	public static Thresholds of(String individualIf, String issueIf) {
		long individual = (individualIf == null) ? DEFAULT.individualFrom : lowerBound(individualIf, "individual_if");
		long issue = (issueIf == null) ? Math.max(DEFAULT.issueFrom, individual) : lowerBound(issueIf, "issue_if");
		return new Thresholds(individual, issue);
	}

	private static long lowerBound(String condition, String name) {
		Matcher matcher = CONDITION.matcher(condition);
		if (!matcher.matches()) {
			throw new InvalidInputException(name + " '" + condition + "' must be '> n' or '>= n'");
		}
		long n = Long.parseLong(matcher.group(2));
		return matcher.group(1).equals(">") ? n + 1 : n;
	}

	/** For listings and issue bodies, e.g. {@code OK 0, INDIVIDUAL 1-5, ISSUE >= 6}. */
	public String describe() {
		String individual = (issueFrom == individualFrom) ? "none"
				: (issueFrom - 1 == individualFrom) ? Long.toString(individualFrom)
						: individualFrom + "-" + (issueFrom - 1);
		String ok = (individualFrom == 1) ? "0" : "< " + individualFrom;
		return "OK " + ok + ", INDIVIDUAL " + individual + ", ISSUE >= " + issueFrom;
	}

}
