package io.opsbatch.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import io.opsbatch.platform.audit.AuditRepository;
import io.opsbatch.platform.cli.TargetEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code opsbatch audit --run <run-id>}: the audit records of a run. */
@Command(name = "audit", description = "Show the audit records of a run.")
class AuditCommand extends CommandBase {

	@Option(names = "--run", required = true, paramLabel = "<run-id>")
	long runId;

	@Option(names = "--limit", defaultValue = "50", description = "How many records to show (default ${DEFAULT-VALUE}).")
	int limit;

	private final AuditRepository audit;

	AuditCommand(TargetEnvironment environment, AuditRepository audit) {
		super(environment);
		this.audit = audit;
	}

	@Override
	int run(Console console) {
		Map<String, Long> counts = new LinkedHashMap<>();
		audit.countByOutcome(runId).forEach((outcome, count) -> counts.put(outcome.label(), count));
		console.field("run", runId);
		console.field("outcomes", counts);
		Reports.printRecords(console, audit.ofRun(runId, limit));
		return ok();
	}

}
