package io.opsbatch.platform.plan;

import java.time.Instant;
import java.util.Map;

/**
 * A sealed list of changes and everything needed to decide whether it may execute.
 *
 * @param id the plan id (a UUID)
 * @param action what the plan does, e.g. {@code fix.reset-stuck-orders}; the audit action of its items
 * @param parameters the resolved parameters of the dry-run that made it
 * @param environment the environment the plan was made in; it executes only there
 * @param store the target store of its items
 * @param requester who ran the dry-run
 * @param status where it is in its life
 * @param digest SHA-256 of the canonical JSON of (action, parameters, items); null while DRAFT
 * @param itemCount how many items it holds
 * @param createdAt when the dry-run started
 * @param expiresAt after this instant it can no longer be approved or executed
 * @param dryRunId the run (job execution id) that made it
 * @param decidedBy who approved or rejected it
 * @param decidedAt when
 * @param approvedDigest the digest the approval was given for
 * @param comment the approver's comment
 * @param executeRunId the execute run that claimed it
 * @param sourceRunId for a rollback plan, the run it undoes
 */
public record Plan(String id, String action, Map<String, Object> parameters, String environment, String store,
		String requester, PlanStatus status, String digest, long itemCount, Instant createdAt, Instant expiresAt,
		Long dryRunId, String decidedBy, Instant decidedAt, String approvedDigest, String comment, Long executeRunId,
		Long sourceRunId) {
}
