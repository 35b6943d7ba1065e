package io.opsbatch.platform.batch;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.opsbatch.platform.audit.AuditRecord;
import io.opsbatch.platform.audit.AuditRepository;
import io.opsbatch.platform.change.Change;
import io.opsbatch.platform.change.Outcome;
import io.opsbatch.platform.plan.PlanItem;
import io.opsbatch.platform.plan.PlanRepository;

import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * The dry-run writer: appends each change to the plan and audits it as {@code planned}, in the chunk's transaction
 * on the platform database. It never touches a target store. The next item position is kept in the step's
 * execution context, so a restarted dry-run continues the numbering from the last committed chunk.
 */
public class PlanItemWriter implements ItemWriter<Change> {

	static final String NEXT_SEQ = "plan.next-seq";

	private final PlanRepository plans;

	private final AuditRepository audit;

	private final Clock clock;

	public PlanItemWriter(PlanRepository plans, AuditRepository audit, Clock clock) {
		this.plans = plans;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public void write(Chunk<? extends Change> chunk) {
		StepExecution step = StepSynchronizationManager.getContext().getStepExecution();
		RunParameters run = RunParameters.of(step.getJobParameters());
		ExecutionContext context = step.getExecutionContext();
		long seq = context.getLong(NEXT_SEQ, 1L);
		List<PlanItem> items = new ArrayList<>(chunk.size());
		List<AuditRecord> records = new ArrayList<>(chunk.size());
		for (Change change : chunk) {
			items.add(new PlanItem(run.planId(), seq, change));
			records.add(new AuditRecord(clock.instant(), run.action(), change, run.executor(),
					AuditRecord.Mode.DRY_RUN, Outcome.PLANNED, step.getJobExecutionId(), run.planId(), seq));
			seq++;
		}
		plans.addItems(items);
		audit.add(records);
		context.putLong(NEXT_SEQ, seq);
	}

}
