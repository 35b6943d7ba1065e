package io.opsbatch.platform.batch;

import io.opsbatch.platform.plan.PlanRepository;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Last step of an execute run: moves the plan from EXECUTING to EXECUTED. */
class FinishPlanTasklet implements Tasklet {

	private final PlanRepository plans;

	FinishPlanTasklet(PlanRepository plans) {
		this.plans = plans;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		String planId = RunParameters.of(chunkContext.getStepContext().getStepExecution().getJobParameters()).planId();
		if (!plans.markExecuted(planId)) {
			throw new IllegalStateException("plan " + planId + " was not EXECUTING when its run finished ("
					+ plans.get(planId).status() + ")");
		}
		contribution.setExitStatus(ExitStatus.COMPLETED);
		return RepeatStatus.FINISHED;
	}

}
