package io.opsbatch.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opsbatch.platform.audit.AuditRecord;
import io.opsbatch.platform.change.Change;
import io.opsbatch.platform.change.RecordRef;
import io.opsbatch.platform.plan.CanonicalJson;
import io.opsbatch.platform.plan.Plan;
import io.opsbatch.platform.plan.PlanItem;

/** How plans, items and audit records are shown. */
final class Reports {

	private Reports() {
	}

	static Map<String, Object> plan(Plan plan) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", plan.id());
		json.put("action", plan.action());
		json.put("status", plan.status().name());
		json.put("environment", plan.environment());
		json.put("store", plan.store());
		json.put("requester", plan.requester());
		json.put("parameters", plan.parameters());
		json.put("items", plan.itemCount());
		json.put("digest", plan.digest());
		json.put("createdAt", string(plan.createdAt()));
		json.put("expiresAt", string(plan.expiresAt()));
		json.put("dryRun", plan.dryRunId());
		json.put("decidedBy", plan.decidedBy());
		json.put("decidedAt", string(plan.decidedAt()));
		json.put("approvedDigest", plan.approvedDigest());
		json.put("comment", plan.comment());
		json.put("executeRun", plan.executeRunId());
		json.put("rollbackOf", plan.sourceRunId());
		return json;
	}

	static void printPlan(Console console, Plan plan) {
		console.line("plan " + plan.id() + ": " + plan.action() + " " + plan.status() + ", " + plan.itemCount()
				+ " items in store " + plan.store() + ", requested by " + plan.requester() + " at " + plan.createdAt());
		console.line("  parameters: " + CanonicalJson.write(plan.parameters()));
		console.line("  digest: " + plan.digest() + ", expires " + plan.expiresAt());
		if (plan.decidedBy() != null) {
			console.line("  " + plan.status().name().toLowerCase(java.util.Locale.ROOT) + " by " + plan.decidedBy()
					+ " at " + plan.decidedAt() + (plan.comment() == null ? "" : ": " + plan.comment()));
		}
		if (plan.executeRunId() != null) {
			console.line("  executed by run " + plan.executeRunId());
		}
		console.data("plan", plan(plan));
	}

	static void printItems(Console console, List<PlanItem> items, long total) {
		List<List<String>> rows = new ArrayList<>();
		List<Map<String, Object>> json = new ArrayList<>();
		for (PlanItem item : items) {
			rows.addAll(changeRows(Long.toString(item.seq()), item.change()));
			json.add(item(item.seq(), item.change()));
		}
		console.data("items", json);
		if (items.isEmpty()) {
			console.line("  (no changes)");
			return;
		}
		console.table(List.of("#", "key", "column", "before", "after"), rows);
		if (total > items.size()) {
			console.line("  ... and " + (total - items.size()) + " more (opsbatch plans show <plan-id> --items N)");
		}
	}

	static void printRecords(Console console, List<AuditRecord> records) {
		List<List<String>> rows = new ArrayList<>();
		List<Map<String, Object>> json = new ArrayList<>();
		for (AuditRecord record : records) {
			for (List<String> row : changeRows(Long.toString(record.seq()), record.change())) {
				List<String> withOutcome = new ArrayList<>(row);
				withOutcome.add(record.outcome().label());
				rows.add(withOutcome);
			}
			json.add(record.toJson());
		}
		console.data("records", json);
		if (!records.isEmpty()) {
			console.table(List.of("#", "key", "column", "before", "after", "outcome"), rows);
		}
	}

	static Map<String, Object> item(long seq, Change change) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("seq", seq);
		json.put("store", change.store());
		json.put("table", change.table());
		json.put("key", change.key());
		json.put("before", change.before());
		json.put("after", change.after());
		if (!change.absent().isEmpty()) {
			json.put("requiresAbsent", change.absent().stream().map(RecordRef::toMap).toList());
		}
		return json;
	}

	static String results(Path path) {
		return path.toString();
	}

	private static List<List<String>> changeRows(String seq, Change change) {
		List<List<String>> rows = new ArrayList<>();
		String key = keyText(change.key());
		switch (change.kind()) {
			case UPDATE -> {
				boolean first = true;
				for (Map.Entry<String, Object> entry : change.after().entrySet()) {
					rows.add(List.of(first ? seq : "", first ? key : "", entry.getKey(),
							text(change.before().get(entry.getKey())), text(entry.getValue())));
					first = false;
				}
			}
			case DELETE -> rows.add(List.of(seq, key, "(row)", CanonicalJson.write(change.before()), "(deleted)"));
			case INSERT -> rows.add(List.of(seq, key, "(row)", "(absent)", CanonicalJson.write(change.after())));
		}
		for (RecordRef ref : change.absent()) {
			rows.add(List.of("", "", "(only while absent)", ref.store() + "." + ref.table() + " " + keyText(ref.key()),
					""));
		}
		return rows;
	}

	private static String keyText(Map<String, Object> key) {
		List<String> parts = new ArrayList<>();
		key.forEach((column, value) -> parts.add(column + "=" + value));
		return String.join(",", parts);
	}

	private static String text(Object value) {
		return (value == null) ? "null" : value.toString();
	}

	private static String string(Object value) {
		return (value == null) ? null : value.toString();
	}

}
