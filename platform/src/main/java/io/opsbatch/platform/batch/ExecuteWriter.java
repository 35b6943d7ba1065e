package io.opsbatch.platform.batch;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.opsbatch.platform.audit.AuditRecord;
import io.opsbatch.platform.audit.AuditRepository;
import io.opsbatch.platform.change.Change;
import io.opsbatch.platform.change.Outcome;
import io.opsbatch.platform.change.RecordRef;
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
			while (end < items.size() && items.get(end).change().store().equals(store)) {
				end++;
			}
			List<Outcome> outcomes = apply(store, items.subList(start, end));
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

	/**
	 * Apply one store's run of items. A change that requires a record of another store to be absent is checked here,
	 * just before the write (two stores share no transaction): where that record exists the change is a conflict
	 * and never reaches its store.
	 */
	private List<Outcome> apply(String store, List<? extends PlanItem> items) {
		Outcome[] outcomes = new Outcome[items.size()];
		List<Change> changes = new ArrayList<>(items.size());
		List<Integer> positions = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			Change change = items.get(i).change();
			if (change.absent().isEmpty()) {
				changes.add(change);
				positions.add(i);
				continue;
			}
			List<RecordRef> elsewhere = change.absent().stream().filter((r) -> !r.store().equals(store)).toList();
			if (elsewhere.stream().anyMatch(this::exists)) {
				outcomes[i] = Outcome.CONFLICT;
				continue;
			}
			List<RecordRef> here = change.absent().stream().filter((r) -> r.store().equals(store)).toList();
			changes.add(elsewhere.isEmpty() ? change
					: new Change(change.store(), change.table(), change.key(), change.before(), change.after(), here));
			positions.add(i);
		}
		if (!changes.isEmpty()) {
			List<Outcome> applied = stores.get(store).apply(changes);
			for (int j = 0; j < positions.size(); j++) {
				outcomes[positions.get(j)] = applied.get(j);
			}
		}
		return List.of(outcomes);
	}

	private boolean exists(RecordRef ref) {
		return stores.get(ref.store()).read(ref.table(), ref.key(), List.of()) != null;
	}

}
