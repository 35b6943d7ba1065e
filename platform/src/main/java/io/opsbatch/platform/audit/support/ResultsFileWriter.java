package io.opsbatch.platform.audit.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

import io.opsbatch.platform.audit.StoredAuditRecord;
import io.opsbatch.platform.audit.RunSummary;
import io.opsbatch.platform.plan.CanonicalJson;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;

/**
 * Writes {@code <runs-dir>/<run-id>/results.json}: {@code {"run": {...}, "records": [...]}}, streaming the
 * records one at a time so the file's size does not bound the run. The file appears atomically: it is written
 * beside its final name and moved into place.
 */
public class ResultsFileWriter {

	private final Path runsDirectory;

	public ResultsFileWriter(Path runsDirectory) {
		this.runsDirectory = runsDirectory;
	}

	/** One record in the runbook's shape; the stored canonical JSON values are copied as they are. */
	private static void write(JsonGenerator json, StoredAuditRecord record) {
		json.writeStartObject();
		json.writeStringProperty("timestamp", record.timestamp());
		json.writeStringProperty("action", record.action());
		json.writeName("target");
		json.writeStartObject();
		json.writeStringProperty("store", record.store());
		json.writeStringProperty("table", record.table());
		json.writeName("key");
		json.writeRawValue(record.keyJson());
		json.writeEndObject();
		json.writeName("before");
		json.writeRawValue(record.beforeJson() == null ? "null" : record.beforeJson());
		json.writeName("after");
		json.writeRawValue(record.afterJson() == null ? "null" : record.afterJson());
		json.writeStringProperty("executor", record.executor());
		json.writeStringProperty("mode", record.mode());
		json.writeStringProperty("outcome", record.outcome());
		json.writeNumberProperty("runId", record.runId());
		json.writeStringProperty("planId", record.planId());
		json.writeNumberProperty("seq", record.seq());
		json.writeEndObject();
	}

	/** Where the results of a run are (or will be) written. */
	public Path pathOf(long runId) {
		return runsDirectory.resolve(Long.toString(runId)).resolve("results.json");
	}

	/**
	 * Write the results of a run.
	 * @param summary the run summary
	 * @param records a source that feeds every audit record of the run to the consumer it is given
	 * @return the path written
	 */
	public Path write(RunSummary summary, Consumer<Consumer<StoredAuditRecord>> records) {
		Path target = pathOf(summary.runId());
		try {
			Files.createDirectories(target.getParent());
			Path partial = target.resolveSibling("results.json.partial");
			try (OutputStream out = Files.newOutputStream(partial);
					JsonGenerator json = CanonicalJson.DOCUMENT_MAPPER.createGenerator(out, JsonEncoding.UTF8)) {
				json.writeStartObject();
				json.writeName("run");
				json.writePOJO(summary.toJson());
				json.writeName("records");
				json.writeStartArray();
				records.accept((record) -> write(json, record));
				json.writeEndArray();
				json.writeEndObject();
			}
			Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + target, ex);
		}
	}

}
