/**
 * The service of {@code opsbatch serve}: a JSON REST API over the same classes the CLI uses (operations, the job
 * repository, plans, {@code ApprovalService}, {@code PlanRuns.executable}/{@code launchExecute} with its
 * {@code ExecutionGuard}), Spring Security with users and roles from configuration, and actuator health per store.
 * Only created in a servlet web application: other commands never see it.
 */
package io.opsbatch.server;
