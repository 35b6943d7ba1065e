package io.opsbatch.jobs.reconcile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.opsbatch.platform.InvalidInputException;
import io.opsbatch.platform.batch.RunParameters;
import io.opsbatch.platform.change.jdbc.JdbcTargetStores;
import io.opsbatch.platform.launch.Operation;
import io.opsbatch.platform.launch.support.GuardedJobStarts;
import io.opsbatch.platform.reconcile.Comparison;
import io.opsbatch.platform.reconcile.ComparisonCounts;
import io.opsbatch.platform.reconcile.ComparisonFailedException;
import io.opsbatch.platform.reconcile.ComparisonStrategy;
import io.opsbatch.platform.reconcile.DifferenceCursor;
import io.opsbatch.platform.reconcile.jdbc.BisectStrategy;
import io.opsbatch.platform.reconcile.jdbc.JoinStrategy;
import io.opsbatch.platform.reconcile.jdbc.StreamStrategy;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code reconcile}: the dry-run of a reconciliation, launchable by name with text parameters: {@code name} (the
 * definition), {@code resource} (one id) or {@code all=true}, and optionally {@code strategy} (join, stream, bisect;
 * chosen automatically otherwise). It makes a plan that waits for approval; it never changes the derived store.
 */
public class ReconcileOperation implements Operation {

	/** The operation's name. */
	public static final String NAME = "reconcile";

	private static final Set<String> PARAMETERS = Set.of("name", "resource", "all", "strategy");

	private final ReconciliationCatalog catalog;

	private final JdbcTargetStores stores;

	private final ReconcileProperties properties;

	private final GuardedJobStarts starts;

	private final Job job;

	public ReconcileOperation(ReconciliationCatalog catalog, JdbcTargetStores stores, ReconcileProperties properties,
			GuardedJobStarts starts, Job job) {
		this.catalog = catalog;
		this.stores = stores;
		this.properties = properties;
		this.starts = starts;
		this.job = job;
	}

	/** A checked dry-run, ready to launch. */
	public record Prepared(ReconciliationValidator.Checked checked, String scope, ComparisonStrategy strategy,
			boolean strategyChosen, RunParameters run, Map<String, String> parameters) {
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String description() {
		return "compare a source of truth with a derived table and plan the corrections (name, resource | all=true, "
				+ "strategy)";
	}

	@Override
	public JobExecution launch(Map<String, String> parameters, String executor) {
		return launch(prepare(parameters, executor));
	}

	/**
	 * Check the parameters, the definition and the resource, and choose the strategy.
	 * @throws InvalidInputException for unknown, missing or malformed parameters, an invalid definition or a resource
	 * that exists on neither side
	 */
	public Prepared prepare(Map<String, String> parameters, String executor) {
		Set<String> unknown = new TreeSet<>(parameters.keySet());
		unknown.removeAll(PARAMETERS);
		if (!unknown.isEmpty()) {
			throw new InvalidInputException("unknown reconcile parameter(s) " + unknown + " (known: name, resource, all, "
					+ "strategy)");
		}
		String name = parameters.get("name");
		if (name == null || name.isBlank()) {
			throw new InvalidInputException("reconcile needs the parameter name (a file in config/reconciliations)");
		}
		String resource = parameters.get("resource");
		String all = parameters.get("all");
		if (all != null && !all.equals("true") && !all.equals("false")) {
			throw new InvalidInputException("parameter all must be true or false, got '" + all + "'");
		}
		boolean everything = "true".equals(all);
		if (everything == (resource != null)) {
			throw new InvalidInputException("reconcile needs exactly one of a resource id and --all (all=true)");
		}
		ReconciliationDefinition definition = catalog.get(name);
		ReconciliationValidator.Checked checked = ReconciliationValidator.check(definition, stores);
		Comparison comparison = checked.comparison(resource);
		String requested = parameters.get("strategy");
		ComparisonStrategy strategy = (requested == null) ? choose(checked, comparison) : strategy(requested);
		if (strategy instanceof JoinStrategy && !comparison.sameDatabase()) {
			throw new InvalidInputException("strategy join needs both sides in one store; " + definition.name()
					+ " compares " + definition.sourceStore() + " with " + definition.derivedStore()
					+ " (use stream or bisect)");
		}
		if (resource != null) {
			requireExists(definition, comparison, strategy, resource);
		}
		Map<String, Object> runParameters = new LinkedHashMap<>();
		runParameters.put("reconciliation", name);
		runParameters.put("scope", everything ? "all" : "resource");
		if (resource != null) {
			runParameters.put("resource", resource);
		}
		runParameters.put("strategy", strategy.name());
		RunParameters run = new RunParameters(UUID.randomUUID().toString(), definition.action(),
				definition.derivedStore(), runParameters, executor, null);
		return new Prepared(checked, everything ? "all" : resource, strategy, requested == null, run,
				new LinkedHashMap<>(parameters));
	}

	/**
	 * Run a prepared dry-run to its end.
	 * @throws io.opsbatch.platform.launch.OperationAlreadyRunningException when a dry-run of the same reconciliation
	 * with the same parameters is running
	 */
	public JobExecution launch(Prepared prepared) {
		return starts.start(NAME, prepared.parameters(), prepared.run().executor(), job,
				prepared.run().toJobParameters());
	}

	/** The strategy with this name. */
	public ComparisonStrategy strategy(String name) {
		return switch (name) {
			case JoinStrategy.NAME -> new JoinStrategy(properties.fetchSize());
			case StreamStrategy.NAME -> new StreamStrategy(properties.fetchSize());
			case BisectStrategy.NAME -> new BisectStrategy(properties.bisectionFactor(), properties.bisectionThreshold(),
					properties.fetchSize());
			default -> throw new InvalidInputException("unknown strategy '" + name + "' (join, stream, bisect)");
		};
	}

	/**
	 * One store: join in the database. Two stores: bisect when the key is one column and the derived table is large,
	 * otherwise stream.
	 */
	private ComparisonStrategy choose(ReconciliationValidator.Checked checked, Comparison comparison) {
		if (comparison.sameDatabase()) {
			return strategy(JoinStrategy.NAME);
		}
		if (comparison.resource() != null || checked.key().size() != 1) {
			return strategy(StreamStrategy.NAME);
		}
		Long rows = new JdbcTemplate(checked.derived().dataSource())
			.queryForObject("SELECT COUNT(*) FROM " + checked.table().table(), Long.class);
		return strategy((rows != null && rows > properties.bisectAbove()) ? BisectStrategy.NAME : StreamStrategy.NAME);
	}

	private static void requireExists(ReconciliationDefinition definition, Comparison comparison,
			ComparisonStrategy strategy, String resource) {
		try (DifferenceCursor cursor = strategy.open(comparison)) {
			while (cursor.next() != null) {
				// one resource: at most one difference
			}
			ComparisonCounts counts = cursor.counts();
			if (counts.matching() + counts.differences() == 0) {
				throw new InvalidInputException("no resource with " + comparison.key().get(0) + " = " + resource + " in "
						+ definition.name() + ": neither the source (" + definition.sourceStore() + ") nor "
						+ definition.derivedStore() + "." + definition.derivedTable() + " has it");
			}
		}
		catch (ComparisonFailedException ex) {
			throw DifferenceReader.named(definition, ex);
		}
	}

}
