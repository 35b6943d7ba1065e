package io.opsbatch.platform.plan;

import java.time.Instant;

import io.opsbatch.platform.ExitCodes;
import org.junit.jupiter.api.Test;

import static io.opsbatch.platform.plan.TestPlans.EXPIRES_AT;
import static io.opsbatch.platform.plan.TestPlans.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExecutionGuardTest {

	private static final Instant BEFORE_EXPIRY = EXPIRES_AT.minusSeconds(3600);

	@Test
	void execute_accepts_an_approved_plan_of_this_environment_before_expiry() {
		Plan plan = plan().build();

		assertThatCode(() -> ExecutionGuard.checkExecutable(plan, "test", BEFORE_EXPIRY)).doesNotThrowAnyException();
	}

	@Test
	void execute_refuses_a_draft_plan() {
		assertRefused(plan().status(PlanStatus.DRAFT).approvedDigest(null).build(), "still being written");
	}

	@Test
	void execute_refuses_a_plan_that_was_not_approved() {
		assertRefused(plan().status(PlanStatus.PENDING).approvedDigest(null).decidedBy(null).build(), "not approved");
	}

	@Test
	void execute_refuses_a_rejected_plan() {
		assertRefused(plan().status(PlanStatus.REJECTED).decidedBy("carol").build(), "rejected by carol");
	}

	@Test
	void execute_refuses_a_plan_another_run_is_executing() {
		assertRefused(plan().status(PlanStatus.EXECUTING).executeRunId(41L).build(),
				"already being executed by run 41");
	}

	@Test
	void execute_refuses_a_plan_that_was_already_executed() {
		assertRefused(plan().status(PlanStatus.EXECUTED).executeRunId(41L).build(), "already executed by run 41");
	}

	@Test
	void execute_refuses_a_plan_made_in_another_environment() {
		assertRefused(plan().environment("staging").build(), "made in environment 'staging', this is 'test'");
	}

	@Test
	void execute_refuses_a_plan_at_the_instant_it_expires() {
		Plan plan = plan().build();

		assertThatThrownBy(() -> ExecutionGuard.checkExecutable(plan, "test", EXPIRES_AT))
			.isInstanceOf(PlanRefusedException.class)
			.hasMessageContaining("expired at " + EXPIRES_AT);
	}

	@Test
	void execute_refuses_a_plan_after_it_expired() {
		Plan plan = plan().build();

		assertThatThrownBy(() -> ExecutionGuard.checkExecutable(plan, "test", EXPIRES_AT.plusMillis(1)))
			.isInstanceOf(PlanRefusedException.class)
			.hasMessageContaining("expired");
	}

	@Test
	void execute_refuses_a_plan_whose_approved_digest_is_not_its_digest() {
		assertRefused(plan().approvedDigest("b".repeat(64)).build(), "was approved for digest " + "b".repeat(64));
	}

	@Test
	void refusal_carries_the_refused_exit_code() {
		Plan plan = plan().status(PlanStatus.PENDING).build();

		assertThatThrownBy(() -> ExecutionGuard.checkExecutable(plan, "test", BEFORE_EXPIRY))
			.isInstanceOfSatisfying(PlanRefusedException.class,
					(ex) -> assertThat(ex.exitCode()).isEqualTo(ExitCodes.REFUSED));
	}

	@Test
	void digest_check_accepts_items_that_still_hash_to_the_approved_digest() {
		Plan plan = plan().build();

		assertThatCode(() -> ExecutionGuard.checkDigest(plan, TestPlans.DIGEST)).doesNotThrowAnyException();
	}

	@Test
	void digest_check_refuses_items_that_hash_to_another_digest() {
		Plan plan = plan().build();

		assertThatThrownBy(() -> ExecutionGuard.checkDigest(plan, "c".repeat(64)))
			.isInstanceOf(PlanRefusedException.class)
			.hasMessageContaining("do not match the approved digest")
			.hasMessageContaining("now " + "c".repeat(12));
	}

	@Test
	void digest_check_refuses_a_plan_that_was_never_approved() {
		Plan plan = plan().status(PlanStatus.PENDING).approvedDigest(null).build();

		assertThatThrownBy(() -> ExecutionGuard.checkDigest(plan, TestPlans.DIGEST))
			.isInstanceOf(PlanRefusedException.class)
			.hasMessageContaining("approved none");
	}

	private static void assertRefused(Plan plan, String reason) {
		assertThatThrownBy(() -> ExecutionGuard.checkExecutable(plan, "test", BEFORE_EXPIRY))
			.isInstanceOf(PlanRefusedException.class)
			.hasMessageContaining("plan " + plan.id())
			.hasMessageContaining(reason);
	}

}
