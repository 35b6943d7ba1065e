package io.opsbatch.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opsbatch.jobs.orphans.OrphanRule;
import io.opsbatch.jobs.orphans.OrphanRuleCatalog;
import io.opsbatch.jobs.orphans.OrphanResults;
import io.opsbatch.platform.cli.TargetEnvironment;
import io.opsbatch.platform.findings.Finding;
import picocli.CommandLine.Command;

/** {@code opsbatch orphans}: lists the orphan rules; its subcommands scan, show history, file issues, plan cleanups. */
@Command(name = "orphans", description = "List orphan rules; scan them, show their history, file issues, plan a cleanup.",
		subcommands = { OrphansCommandScan.class, OrphansCommandHistory.class, OrphansCommandFileIssues.class,
				OrphansCommandCleanup.class })
class OrphansCommand extends CommandBase {

	private final OrphanRuleCatalog catalog;

	OrphansCommand(TargetEnvironment environment, OrphanRuleCatalog catalog) {
		super(environment);
		this.catalog = catalog;
	}

	@Override
	int run(Console console) {
		List<List<String>> rows = new ArrayList<>();
		List<Map<String, Object>> json = new ArrayList<>();
		for (OrphanRule rule : catalog.select(List.of())) {
			String child = rule.child().store() + "." + rule.child().table() + rule.child().foreignKey();
			String parent = rule.parent().store() + "." + rule.parent().table() + rule.parent().key();
			rows.add(List.of(rule.id(), child, parent, rule.thresholds().describe(), rule.description()));
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("rule", rule.id());
			entry.put("child", child);
			entry.put("parent", parent);
			entry.put("thresholds", rule.thresholds().describe());
			entry.put("description", rule.description());
			json.add(entry);
		}
		console.data("rules", json);
		console.table(List.of("rule", "child", "parent", "thresholds", "description"), rows);
		console.line("scan with: opsbatch orphans scan [--rule <rule>]...");
		return ok();
	}

	/** The findings table every orphans subcommand prints. */
	static void printFindings(Console console, List<Finding> findings, boolean withRun) {
		List<List<String>> rows = new ArrayList<>();
		for (Finding f : findings) {
			List<String> row = new ArrayList<>();
			if (withRun) {
				row.add(Long.toString(f.runId()));
				row.add(f.scannedAt().toString());
			}
			row.addAll(List.of(f.ruleId(), f.store() + "." + f.table(), Long.toString(f.count()), f.severity().name(),
					f.strategy(), issue(f)));
			rows.add(row);
		}
		List<String> headers = new ArrayList<>();
		if (withRun) {
			headers.addAll(List.of("run", "scanned"));
		}
		headers.addAll(List.of("rule", "table", "orphans", "severity", "strategy", "issue"));
		console.table(headers, rows);
		console.data("findings", findings.stream().map(OrphanResults::json).toList());
	}

	private static String issue(Finding f) {
		String action = f.issue().action().name().toLowerCase(java.util.Locale.ROOT);
		if (f.issue().url() != null) {
			return action + " " + f.issue().url();
		}
		return f.issue().error() == null ? action : action + " (" + f.issue().error() + ")";
	}

}
