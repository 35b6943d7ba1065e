package io.opsbatch.platform.batch;

import java.time.Clock;

import io.opsbatch.platform.plan.ExecutionGuard;
import io.opsbatch.platform.plan.Plan;
import io.opsbatch.platform.plan.PlanDigest;
import io.opsbatch.platform.plan.PlanRefusedException;
import io.opsbatch.platform.plan.PlanRepository;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * First step of an execute run: checks every rule of {@link ExecutionGuard}, recomputes the digest from the stored
 * items, and claims the plan (APPROVED to EXECUTING) by compare-and-set. Of two runs racing for one plan, exactly
 * one claims it; the other fails here and changes nothing.
 */
class ClaimPlanTasklet implements Tasklet {

	private final PlanRepository plans;

	private final String environment;

	private final Clock clock;

	ClaimPlanTasklet(PlanRepository plans, String environment, Clock clock) {
		this.plans = plans;
		this.environment = environment;
		this.clock = clock;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		StepExecution step = chunkContext.getStepContext().getStepExecution();
		Plan plan = plans.get(RunParameters.of(step.getJobParameters()).planId());
		ExecutionGuard.checkExecutable(plan, environment, clock.instant());
		ExecutionGuard.checkDigest(plan, PlanDigest.of(plans, plan));
		if (!plans.claim(plan.id(), step.getJobExecutionId())) {
			Plan now = plans.get(plan.id());
			throw new PlanRefusedException("plan " + plan.id() + " was claimed by run " + now.executeRunId()
					+ " first (" + now.status() + "); nothing was applied by this run");
		}
		return RepeatStatus.FINISHED;
	}

}
