/**
 * The safety rails of opsbatch, reusable by every job: plans and their digests ({@code plan}), four-eyes
 * approval ({@code approval}), compare-and-set changes against target stores ({@code change}), the audit
 * trail and results files ({@code audit}), inverse plans ({@code rollback}), the Spring Batch jobs that
 * plan and execute ({@code batch}) and what every command shares ({@code cli}).
 * <p>
 * Nothing in here knows a concrete job. Safety rules are plain classes that need no Spring context.
 */
package io.opsbatch.platform;
