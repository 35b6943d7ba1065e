package io.opsbatch.jobs.reconcile;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opsbatch.platform.plan.CanonicalJson;
import io.opsbatch.platform.reconcile.Comparison;
import io.opsbatch.platform.reconcile.ComparisonFailedException;
import io.opsbatch.platform.reconcile.ComparisonStrategy;
import io.opsbatch.platform.reconcile.Difference;
import io.opsbatch.platform.reconcile.DifferenceCursor;
import io.opsbatch.platform.reconcile.ReconciliationHistory;
import io.opsbatch.platform.reconcile.ReconciliationSummary;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the differences of a comparison for the planning step, keeps the first few as the run's preview and, when the
 * comparison is complete, records its counts in the history. On a restart it compares again and skips the
 * differences already planned (differences come in key order).
 */
public class DifferenceReader implements ItemStreamReader<Difference> {

	private static final String READ_COUNT = "reconcile.read.count";

	private final ComparisonStrategy strategy;

	private final Comparison comparison;

	private final ReconciliationDefinition definition;

	private final ReconciliationHistory history;

	private final RunInfo run;

	private final int previewRows;

	private final Clock clock;

	private final List<Map<String, Object>> preview = new ArrayList<>();

	private DifferenceCursor cursor;

	private long read;

	private boolean recorded;

	/** What the history records about the run besides the counts. */
	public record RunInfo(long runId, String scope, String planId) {
	}

	public DifferenceReader(ComparisonStrategy strategy, Comparison comparison, ReconciliationDefinition definition,
			ReconciliationHistory history, RunInfo run, int previewRows, Clock clock) {
		this.strategy = strategy;
		this.comparison = comparison;
		this.definition = definition;
		this.history = history;
		this.run = run;
		this.previewRows = previewRows;
		this.clock = clock;
	}

	@Override
	public void open(ExecutionContext context) {
		try {
			cursor = strategy.open(comparison);
		}
		catch (ComparisonFailedException ex) {
			throw named(definition, ex);
		}
		long skip = context.getLong(READ_COUNT, 0L);
		while (read < skip && next() != null) {
			// already planned before the restart
		}
	}

	@Override
	public Difference read() {
		Difference difference = next();
		if (difference == null && !recorded) {
			recorded = true;
			history.record(new ReconciliationSummary(run.runId(), definition.name(), run.scope(), strategy.name(),
					run.planId(), cursor.counts(), CanonicalJson.write(preview), clock.instant()));
		}
		return difference;
	}

	/** The failure with the reconciliation's name in front, so that the operator knows which file to look at. */
	static ComparisonFailedException named(ReconciliationDefinition definition, ComparisonFailedException ex) {
		return new ComparisonFailedException("reconciliation " + definition.name() + ": " + ex.getMessage(), ex);
	}

	private Difference next() {
		Difference difference;
		try {
			difference = cursor.next();
		}
		catch (ComparisonFailedException ex) {
			throw named(definition, ex);
		}
		if (difference != null) {
			read++;
			if (preview.size() < previewRows) {
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("kind", difference.kind().label());
				entry.put("key", difference.key());
				entry.put("derived", difference.derived());
				entry.put("source", difference.source());
				entry.put("correction", definition.correction(difference.kind()).label());
				preview.add(entry);
			}
		}
		return difference;
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(READ_COUNT, read);
	}

	@Override
	public void close() {
		if (cursor != null) {
			cursor.close();
			cursor = null;
		}
	}

}
