package io.opsbatch.platform.batch;

import java.time.Clock;
import java.time.Duration;

import io.opsbatch.platform.plan.Plan;
import io.opsbatch.platform.plan.PlanDigest;
import io.opsbatch.platform.plan.PlanRepository;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Last step of a dry-run: digests the plan's items as stored and moves the plan to PENDING. */
class SealPlanTasklet implements Tasklet {

	private final PlanRepository plans;

	private final Duration ttl;

	private final Clock clock;

	SealPlanTasklet(PlanRepository plans, Duration ttl, Clock clock) {
		this.plans = plans;
		this.ttl = ttl;
		this.clock = clock;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		RunParameters run = RunParameters.of(chunkContext.getStepContext().getStepExecution().getJobParameters());
		Plan plan = plans.get(run.planId());
		PlanDigest digest = PlanDigest.start();
		long[] count = { 0 };
		plans.forEachStoredItem(plan.id(), (item) -> {
			digest.add(item);
			count[0]++;
		});
		if (!plans.seal(plan.id(), digest.finish(plan.action(), plan.parameters()), count[0],
				clock.instant().plus(ttl))) {
			throw new IllegalStateException("plan " + plan.id() + " was no longer a draft when its dry-run sealed it");
		}
		return RepeatStatus.FINISHED;
	}

}
