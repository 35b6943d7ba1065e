package io.opsbatch.platform.batch;

import java.time.Clock;

import io.opsbatch.platform.plan.Plan;
import io.opsbatch.platform.plan.PlanRepository;
import io.opsbatch.platform.plan.PlanStatus;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** First step of a dry-run: registers the plan as a DRAFT owned by this run. */
class OpenPlanTasklet implements Tasklet {

	private final PlanRepository plans;

	private final String environment;

	private final Clock clock;

	OpenPlanTasklet(PlanRepository plans, String environment, Clock clock) {
		this.plans = plans;
		this.environment = environment;
		this.clock = clock;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		StepExecution step = chunkContext.getStepContext().getStepExecution();
		RunParameters run = RunParameters.of(step.getJobParameters());
		plans.createDraft(new Plan(run.planId(), run.action(), run.parameters(), environment, run.store(),
				run.executor(), PlanStatus.DRAFT, null, 0, clock.instant(), null, step.getJobExecutionId(), null, null,
				null, null, null, run.sourceRunId()));
		return RepeatStatus.FINISHED;
	}

}
