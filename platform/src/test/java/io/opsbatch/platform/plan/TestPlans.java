package io.opsbatch.platform.plan;

import java.time.Instant;
import java.util.Map;

/** Builds {@link Plan} records for tests: an approved, unexpired plan in "test" unless told otherwise. */
public final class TestPlans {

	public static final String DIGEST = "a".repeat(64);

	public static final Instant CREATED_AT = Instant.parse("2026-11-30T08:00:00Z");

	public static final Instant EXPIRES_AT = Instant.parse("2026-12-01T08:00:00Z");

	private String id = "11111111-2222-3333-4444-555555555555";

	private PlanStatus status = PlanStatus.APPROVED;

	private String environment = "test";

	private String requester = "alice";

	private String digest = DIGEST;

	private String approvedDigest = DIGEST;

	private Instant expiresAt = EXPIRES_AT;

	private String decidedBy = "bob";

	private Long executeRunId;

	private TestPlans() {
	}

	public static TestPlans plan() {
		return new TestPlans();
	}

	public TestPlans status(PlanStatus status) {
		this.status = status;
		return this;
	}

	public TestPlans environment(String environment) {
		this.environment = environment;
		return this;
	}

	public TestPlans requester(String requester) {
		this.requester = requester;
		return this;
	}

	public TestPlans digest(String digest) {
		this.digest = digest;
		return this;
	}

	public TestPlans approvedDigest(String approvedDigest) {
		this.approvedDigest = approvedDigest;
		return this;
	}

	public TestPlans expiresAt(Instant expiresAt) {
		this.expiresAt = expiresAt;
		return this;
	}

	public TestPlans decidedBy(String decidedBy) {
		this.decidedBy = decidedBy;
		return this;
	}

	public TestPlans executeRunId(Long executeRunId) {
		this.executeRunId = executeRunId;
		return this;
	}

	public Plan build() {
		return new Plan(id, "fix.reset-stuck-orders", Map.of("now", "2026-11-30T08:00:00"), environment, "app",
				requester, status, digest, 3, CREATED_AT, expiresAt, 7L, decidedBy, CREATED_AT.plusSeconds(60),
				approvedDigest, null, executeRunId, null);
	}

}
