package io.opsbatch.platform.rollback;

import java.util.Set;

import io.opsbatch.platform.audit.AuditRecord;
import io.opsbatch.platform.change.Change;
import io.opsbatch.platform.change.Outcome;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Turns an audit record of an executed change into the change that undoes it; other records are skipped. */
public class InverseChanges implements ItemProcessor<AuditRecord, Change> {

	private static final Set<Outcome> UNDOABLE = Set.of(Outcome.APPLIED, Outcome.ALREADY_APPLIED);

	@Override
	public Change process(AuditRecord record) {
		if (record.mode() != AuditRecord.Mode.EXECUTE || !UNDOABLE.contains(record.outcome())) {
			return null;
		}
		return record.change().inverse();
	}

}
