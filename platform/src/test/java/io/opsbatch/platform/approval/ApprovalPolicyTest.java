package io.opsbatch.platform.approval;

import java.time.Instant;

import io.opsbatch.platform.ExitCodes;
import io.opsbatch.platform.plan.Plan;
import io.opsbatch.platform.plan.PlanRefusedException;
import io.opsbatch.platform.plan.PlanStatus;
import io.opsbatch.platform.plan.TestPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.opsbatch.platform.plan.TestPlans.EXPIRES_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApprovalPolicyTest {

	private static final Instant NOW = EXPIRES_AT.minusSeconds(3600);

	private final ApprovalPolicy fourEyes = ApprovalPolicy.of("test", false, false);

	@Test
	void approve_accepts_a_pending_plan_approved_by_a_second_person() {
		assertThatCode(() -> fourEyes.checkApproval(pending(), "bob", NOW)).doesNotThrowAnyException();
	}

	@Test
	void approve_refuses_self_approval_when_it_is_not_allowed() {
		assertThatThrownBy(() -> fourEyes.checkApproval(pending(), "alice", NOW))
			.isInstanceOfSatisfying(SelfApprovalException.class,
					(ex) -> assertThat(ex.exitCode()).isEqualTo(ExitCodes.REFUSED))
			.hasMessageContaining("requested by alice")
			.hasMessageContaining("a second person must run");
	}

	@Test
	void approve_accepts_self_approval_when_it_is_allowed() {
		ApprovalPolicy policy = ApprovalPolicy.of("test", true, false);

		assertThat(policy.selfApprovalAllowed()).isTrue();
		assertThatCode(() -> policy.checkApproval(pending(), "alice", NOW)).doesNotThrowAnyException();
	}

	@Test
	void protected_environment_never_allows_self_approval_whatever_the_configuration() {
		ApprovalPolicy policy = ApprovalPolicy.of("prod", true, true);

		assertThat(policy.selfApprovalAllowed()).isFalse();
		assertThatThrownBy(() -> policy.checkApproval(pending("prod"), "alice", NOW))
			.isInstanceOf(SelfApprovalException.class)
			.hasMessageContaining("environment 'prod'");
	}

	@ParameterizedTest
	@EnumSource(value = PlanStatus.class, names = { "APPROVED", "REJECTED", "EXECUTED" })
	void approve_refuses_a_plan_that_is_not_pending(PlanStatus status) {
		Plan plan = TestPlans.plan().status(status).decidedBy("carol").build();

		assertThatThrownBy(() -> fourEyes.checkApproval(plan, "bob", NOW))
			.isInstanceOf(PlanRefusedException.class)
			.hasMessageContaining("is " + status + " (by carol)")
			.hasMessageContaining("only a PENDING plan can be approved");
	}

	@Test
	void approve_refuses_an_expired_plan() {
		assertThatThrownBy(() -> fourEyes.checkApproval(pending(), "bob", EXPIRES_AT))
			.isInstanceOf(PlanRefusedException.class)
			.hasMessageContaining("expired at " + EXPIRES_AT);
	}

	@Test
	void approve_refuses_a_plan_made_in_another_environment() {
		assertThatThrownBy(() -> fourEyes.checkApproval(pending("staging"), "bob", NOW))
			.isInstanceOf(PlanRefusedException.class)
			.hasMessageContaining("made in environment 'staging'");
	}

	@ParameterizedTest
	@EnumSource(value = PlanStatus.class, names = { "PENDING", "APPROVED" })
	void reject_accepts_a_pending_or_approved_plan(PlanStatus status) {
		Plan plan = TestPlans.plan().status(status).build();

		assertThatCode(() -> fourEyes.checkRejection(plan)).doesNotThrowAnyException();
	}

	@ParameterizedTest
	@EnumSource(value = PlanStatus.class, names = { "EXECUTING", "EXECUTED", "REJECTED" })
	void reject_refuses_a_plan_that_is_executing_executed_or_already_rejected(PlanStatus status) {
		Plan plan = TestPlans.plan().status(status).build();

		assertThatThrownBy(() -> fourEyes.checkRejection(plan))
			.isInstanceOf(PlanRefusedException.class)
			.hasMessageContaining("is " + status + " and can no longer be rejected");
	}

	private static Plan pending() {
		return pending("test");
	}

	private static Plan pending(String environment) {
		return TestPlans.plan()
			.status(PlanStatus.PENDING)
			.environment(environment)
			.requester("alice")
			.approvedDigest(null)
			.decidedBy(null)
			.build();
	}

}
