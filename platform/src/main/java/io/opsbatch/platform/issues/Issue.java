package io.opsbatch.platform.issues;

/**
 * An issue in the tracker, as far as opsbatch uses it.
 *
 * @param number the issue number in its repository
 * @param url the web address (GitHub's {@code html_url})
 * @param state {@code open} or {@code closed}
 * @param body the issue text (holds the fingerprint marker)
 */
public record Issue(long number, String url, String state, String body) {
}
