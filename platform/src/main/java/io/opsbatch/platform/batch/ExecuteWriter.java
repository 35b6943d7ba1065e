package io.opsbatch.platform.batch;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.opsbatch.platform.audit.AuditRecord;
import io.opsbatch.platform.audit.AuditRepository;
import io.opsbatch.platform.change.Change;
import io.opsbatch.platform.change.Outcome;
import io.opsbatch.platform.change.TargetStores;
import io.opsbatch.platform.plan.PlanItem;

import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * The one writer that mutates target stores. It applies a chunk of plan items with compare-and-set and audits each
 * outcome in the chunk's transaction: where the store is the platform database the changes and their audit records
 * commit together; elsewhere a replay after a crash finds the changes already applied and audits them so.
 */
public class ExecuteWriter implements ItemWriter<PlanItem> {

	private final TargetStores stores;

	private final AuditRepository audit;

	private final Clock clock;

	public ExecuteWriter(TargetStores stores, AuditRepository audit, Clock clock) {
		this.stores = stores;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public void write(Chunk<? extends PlanItem> chunk) {
		StepExecution step = StepSynchronizationManager.getContext().getStepExecution();
		RunParameters run = RunParameters.of(step.getJobParameters());
		List<? extends PlanItem> items = chunk.getItems();
		List<AuditRecord> records = new ArrayList<>(items.size());
		int start = 0;
		while (start < items.size()) {
			String store = items.get(start).change().store();
			int end = start;
			List<Change> changes = new ArrayList<>();
			while (end < items.size() && items.get(end).change().store().equals(store)) {
				changes.add(items.get(end).change());
				end++;
			}
			List<Outcome> outcomes = stores.get(store).apply(changes);
			for (int i = start; i < end; i++) {
				PlanItem item = items.get(i);
				records.add(new AuditRecord(clock.instant(), run.action(), item.change(), run.executor(),
						AuditRecord.Mode.EXECUTE, outcomes.get(i - start), step.getJobExecutionId(), item.planId(),
						item.seq()));
			}
			start = end;
		}
		audit.add(records);
	}

}
