package io.opsbatch.jobs.orphans;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.opsbatch.platform.audit.support.ResultsFileWriter;
import io.opsbatch.platform.batch.RunParameters;
import io.opsbatch.platform.findings.Finding;
import io.opsbatch.platform.findings.FindingRepository;
import io.opsbatch.platform.findings.Severity;
import io.opsbatch.platform.plan.CanonicalJson;

import org.springframework.batch.core.job.JobExecution;

/**
 * Writes a scan run's {@code results.json}: {@code {"run": {...}, "findings": [...]}}, one finding per rule, from the
 * findings table (the authority), atomically. Written when the run ends and again when {@code file-issues} completes
 * its issues.
 */
public class OrphanResults {

	private final FindingRepository findings;

	private final ResultsFileWriter files;

	private final String environment;

	public OrphanResults(FindingRepository findings, ResultsFileWriter files, String environment) {
		this.findings = findings;
		this.files = files;
		this.environment = environment;
	}

	/** Write the results of a scan run. */
	public Path write(JobExecution execution) {
		List<Finding> all = findings.ofRun(execution.getId());
		RunParameters run = RunParameters.of(execution.getJobParameters());
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("runId", execution.getId());
		summary.put("job", execution.getJobInstance().getJobName());
		summary.put("action", run.action());
		summary.put("mode", "scan");
		summary.put("status", execution.getStatus().name());
		summary.put("parameters", run.parameters());
		summary.put("executor", run.executor());
		summary.put("environment", environment);
		summary.put("started", text(execution.getStartTime()));
		summary.put("finished", text(execution.getEndTime()));
		Map<String, Long> counts = new TreeMap<>();
		for (Severity severity : Severity.values()) {
			counts.put(severity.name(), all.stream().filter((f) -> f.severity() == severity).count());
		}
		summary.put("rulesBySeverity", counts);
		summary.put("orphans", all.stream().mapToLong(Finding::count).sum());
		Path target = files.pathOf(execution.getId());
		try {
			Files.createDirectories(target.getParent());
			Path partial = target.resolveSibling("results.json.partial");
			try (OutputStream out = Files.newOutputStream(partial)) {
				Map<String, Object> document = new LinkedHashMap<>();
				document.put("run", summary);
				document.put("findings", all.stream().map(OrphanResults::json).toList());
				CanonicalJson.DOCUMENT_MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, document);
			}
			Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + target, ex);
		}
	}

	/** A finding as JSON (results, {@code --json} output). */
	public static Map<String, Object> json(Finding f) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("rule", f.ruleId());
		json.put("store", f.store());
		json.put("table", f.table());
		json.put("fingerprint", f.fingerprint().value());
		json.put("count", f.count());
		json.put("severity", f.severity().name());
		json.put("thresholds", f.thresholds());
		json.put("strategy", f.strategy());
		json.put("keys", f.sample());
		json.put("allKeysListed", f.sample().size() >= f.count());
		json.put("listQuery", f.listQuery());
		json.put("cleanup", "opsbatch orphans cleanup " + f.ruleId());
		json.put("scannedAt", f.scannedAt().toString());
		Map<String, Object> issue = new LinkedHashMap<>();
		issue.put("action", f.issue().action().name().toLowerCase(java.util.Locale.ROOT));
		issue.put("number", f.issue().number());
		issue.put("url", f.issue().url());
		issue.put("error", f.issue().error());
		json.put("issue", issue);
		return json;
	}

	private static String text(LocalDateTime time) {
		if (time == null) {
			return Instant.now().toString();
		}
		return time.atZone(ZoneId.systemDefault()).toInstant().toString();
	}

}
