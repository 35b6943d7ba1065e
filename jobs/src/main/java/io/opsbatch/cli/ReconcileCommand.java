package io.opsbatch.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opsbatch.jobs.reconcile.ReconcileOperation;
import io.opsbatch.jobs.reconcile.ReconciliationCatalog;
import io.opsbatch.jobs.reconcile.ReconciliationDefinition;
import io.opsbatch.platform.ExitCodes;
import io.opsbatch.platform.InvalidInputException;
import io.opsbatch.platform.OpsbatchException;
import io.opsbatch.platform.audit.support.ResultsFileWriter;
import io.opsbatch.platform.batch.RunParameters;
import io.opsbatch.platform.change.CasDecision;
import io.opsbatch.platform.change.jdbc.JdbcTargetStores;
import io.opsbatch.platform.cli.TargetEnvironment;
import io.opsbatch.platform.plan.CanonicalJson;
import io.opsbatch.platform.plan.Plan;
import io.opsbatch.platform.plan.PlanRepository;
import io.opsbatch.platform.reconcile.ComparisonCounts;
import io.opsbatch.platform.reconcile.ReconciliationHistory;
import io.opsbatch.platform.reconcile.ReconciliationSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.springframework.batch.core.job.JobExecution;

/**
 * {@code opsbatch reconcile <name> <resource-id> | --all}: dry-run a reconciliation; {@code --execute --plan} applies
 * its approved plan; {@code --history} shows the trend of its runs.
 */
@Command(name = "reconcile", description = "Compare a source of truth with a derived table and plan the corrections "
		+ "(dry-run, default); execute an approved plan; show the history.")
class ReconcileCommand extends CommandBase {

	@Parameters(index = "0", paramLabel = "<name>", description = "A file in config/reconciliations (without .yml).")
	String name;

	@Parameters(index = "1", arity = "0..1", paramLabel = "<resource-id>", description = "Reconcile one resource.")
	String resource;

	@Option(names = "--all", description = "Reconcile every resource.")
	boolean all;

	@Option(names = "--strategy", paramLabel = "join|stream|bisect", description = "Override the comparison strategy.")
	String strategy;

	@Option(names = "--execute", description = "Apply an approved plan instead of planning.")
	boolean execute;

	@Option(names = "--plan", paramLabel = "<plan-id>", description = "The approved plan to execute.")
	String planId;

	@Option(names = "--history", description = "Show the counts of the latest runs.")
	boolean history;

	@Option(names = "--limit", defaultValue = "20", description = "Runs shown by --history (default ${DEFAULT-VALUE}).")
	int limit;

	private final ReconcileOperation operation;

	private final ReconciliationCatalog catalog;

	private final ReconciliationHistory runs;

	private final PlanRuns planRuns;

	private final PlanRepository plans;

	private final Launcher launcher;

	private final ResultsFileWriter results;

	private final JdbcTargetStores stores;

	ReconcileCommand(TargetEnvironment environment, ReconcileOperation operation, ReconciliationCatalog catalog,
			ReconciliationHistory runs, PlanRuns planRuns, PlanRepository plans, Launcher launcher,
			ResultsFileWriter results, JdbcTargetStores stores) {
		super(environment);
		this.operation = operation;
		this.catalog = catalog;
		this.runs = runs;
		this.planRuns = planRuns;
		this.plans = plans;
		this.launcher = launcher;
		this.results = results;
		this.stores = stores;
	}

	@Override
	int run(Console console) {
		ReconciliationDefinition definition = catalog.get(name);
		console.field("reconciliation", definition.name() + ": " + definition.description()
				+ (definition.ticket() == null ? "" : " (" + definition.ticket() + ")"));
		int modes = (execute ? 1 : 0) + (history ? 1 : 0) + ((all || resource != null) ? 1 : 0);
		if (modes != 1 || (all && resource != null)) {
			throw new InvalidInputException("give exactly one of <resource-id>, --all, --execute --plan <id> or --history");
		}
		if (planId != null && !execute) {
			throw new InvalidInputException("--plan is only used with --execute");
		}
		if (strategy != null && (execute || history)) {
			throw new InvalidInputException("--strategy applies to a dry-run");
		}
		if (execute) {
			return planRuns.execute(console, planId, definition.action(), identity());
		}
		if (history) {
			return history(console, definition);
		}
		return dryRun(console, definition);
	}

	private int dryRun(Console console, ReconciliationDefinition definition) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("name", definition.name());
		if (all) {
			parameters.put("all", "true");
		}
		else {
			parameters.put("resource", resource);
		}
		if (strategy != null) {
			parameters.put("strategy", strategy);
		}
		ReconcileOperation.Prepared prepared = operation.prepare(parameters, identity());
		console.field("source", definition.sourceStore() + ((definition.sourceQuery() != null)
				? " (query)" : "." + definition.sourceTable()));
		console.field("derived", definition.derivedStore() + "." + definition.derivedTable() + " key "
				+ prepared.checked().key() + " fields " + prepared.checked().fields());
		console.field("scope", prepared.scope());
		console.field("strategy", prepared.strategy().name() + (prepared.strategyChosen() ? " (chosen: "
				+ (definition.sameStore() ? "both sides in store " + definition.sourceStore() : "two stores") + ")"
				: " (--strategy)"));
		console.field("corrections", "mismatched: " + label(definition.onMismatched()) + ", missing: "
				+ label(definition.onMissing()) + ", extra: " + label(definition.onExtra()));
		console.field("mode", "dry-run (nothing is changed in " + definition.derivedStore() + ")");
		console.field("store", definition.derivedStore() + " = " + stores.get(definition.derivedStore()).describe());
		JobExecution execution = operation.launch(prepared);
		return report(console, execution);
	}

	private int report(Console console, JobExecution execution) {
		RunParameters run = RunParameters.of(execution.getJobParameters());
		OpsbatchException failure = launcher.failure(execution);
		if (failure == null) {
			ReconciliationSummary summary = runs.ofRun(execution.getId())
				.orElseThrow(() -> new IllegalStateException("run " + execution.getId() + " recorded no summary"));
			ComparisonCounts counts = summary.counts();
			console.field("matching", counts.matching());
			console.field("mismatched", counts.mismatched());
			console.field("missing", counts.missing());
			console.field("extra", counts.extra());
			printDifferences(console, summary, counts.differences());
			Plan plan = plans.get(run.planId());
			console.field("affected", plan.itemCount());
		}
		console.field("run", execution.getId());
		console.field("plan", run.planId());
		console.field("results", results.pathOf(execution.getId()).toString());
		if (failure != null) {
			throw failure;
		}
		console.line("next: review with: opsbatch plans show " + run.planId() + "; a second person approves with: "
				+ "opsbatch approve " + run.planId() + " --as <approver>");
		return ExitCodes.OK;
	}

	@SuppressWarnings("unchecked")
	private static void printDifferences(Console console, ReconciliationSummary summary, long total) {
		List<Object> preview = CanonicalJson.MAPPER.readValue(summary.preview(), List.class);
		console.data("differences", preview);
		if (preview.isEmpty()) {
			console.line("  (no differences)");
			return;
		}
		List<List<String>> rows = new ArrayList<>();
		for (Object entry : preview) {
			Map<String, Object> difference = (Map<String, Object>) entry;
			String kind = (String) difference.get("kind");
			String key = keyText((Map<String, Object>) difference.get("key"));
			String correction = (String) difference.get("correction");
			Map<String, Object> derived = (Map<String, Object>) difference.get("derived");
			Map<String, Object> source = (Map<String, Object>) difference.get("source");
			if (derived == null || source == null) {
				rows.add(List.of(key, kind, "(row)", (derived == null) ? "(absent)" : CanonicalJson.write(derived),
						(source == null) ? "(absent)" : CanonicalJson.write(source), correction));
				continue;
			}
			boolean first = true;
			for (Map.Entry<String, Object> field : source.entrySet()) {
				Object before = derived.get(field.getKey());
				if (!CasDecision.sameValue(before, field.getValue())) {
					rows.add(List.of(first ? key : "", first ? kind : "", field.getKey(), String.valueOf(before),
							String.valueOf(field.getValue()), first ? correction : ""));
					first = false;
				}
			}
			if (first) {
				rows.add(List.of(key, kind, "(within tolerance)", "", "", correction));
			}
		}
		console.line("first differences (derived = before, source = after):");
		console.table(List.of("key", "difference", "field", "derived", "source", "correction"), rows);
		if (total > preview.size()) {
			console.line("  ... and " + (total - preview.size()) + " more (every planned item: opsbatch plans show "
					+ "<plan-id> --items N)");
		}
	}

	private int history(Console console, ReconciliationDefinition definition) {
		List<ReconciliationSummary> latest = runs.latest(definition.name(), limit);
		List<List<String>> rows = new ArrayList<>();
		List<Map<String, Object>> json = new ArrayList<>();
		for (ReconciliationSummary summary : latest) {
			String status = plans.find(summary.planId()).map((p) -> p.status().name()).orElse("-");
			ComparisonCounts c = summary.counts();
			rows.add(List.of(Long.toString(summary.runId()), summary.finishedAt().toString(), summary.scope(),
					summary.strategy(), Long.toString(c.matching()), Long.toString(c.mismatched()),
					Long.toString(c.missing()), Long.toString(c.extra()), summary.planId(), status));
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("run", summary.runId());
			entry.put("finished", summary.finishedAt().toString());
			entry.put("scope", summary.scope());
			entry.put("strategy", summary.strategy());
			entry.put("matching", c.matching());
			entry.put("mismatched", c.mismatched());
			entry.put("missing", c.missing());
			entry.put("extra", c.extra());
			entry.put("plan", summary.planId());
			entry.put("planStatus", status);
			json.add(entry);
		}
		console.data("history", json);
		console.field("runs", latest.size());
		if (!latest.isEmpty()) {
			console.table(List.of("run", "finished", "scope", "strategy", "matching", "mismatched", "missing", "extra",
					"plan", "plan status"), rows);
		}
		return ExitCodes.OK;
	}

	private static String label(io.opsbatch.jobs.reconcile.Correction correction) {
		return correction.name().toLowerCase(java.util.Locale.ROOT);
	}

	private static String keyText(Map<String, Object> key) {
		List<String> parts = new ArrayList<>();
		key.forEach((column, value) -> parts.add(column + "=" + value));
		return String.join(",", parts);
	}

}
