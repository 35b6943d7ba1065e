package io.opsbatch.platform.rollback;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import io.opsbatch.platform.InvalidInputException;
import io.opsbatch.platform.audit.AuditRecord;
import io.opsbatch.platform.change.Change;
import io.opsbatch.platform.change.Outcome;
import io.opsbatch.platform.plan.CanonicalJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Streams the audit records of a {@code results.json}, one at a time, so a results file of any size can be the
 * source of a rollback. Restartable: it remembers how many records it has handed out.
 */
public class ResultsFileRecordReader implements ItemStreamReader<AuditRecord> {

	private static final String READ_COUNT = "results.read-count";

	private final Path file;

	private InputStream input;

	private JsonParser parser;

	private long readCount;

	public ResultsFileRecordReader(Path file) {
		this.file = file;
	}

	/**
	 * The {@code run} summary of a results file.
	 * @throws InvalidInputException when the file cannot be read or has no run summary
	 */
	public static Map<String, Object> summary(Path file) {
		try (InputStream in = Files.newInputStream(file); JsonParser parser = CanonicalJson.MAPPER.createParser(in)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new InvalidInputException("results file " + file + " is not a JSON object");
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				parser.nextToken();
				if ("run".equals(name)) {
					return CanonicalJson.readMap(parser.readValueAsTree().toString());
				}
				parser.skipChildren();
			}
			throw new InvalidInputException("results file " + file + " has no \"run\" summary");
		}
		catch (IOException | JacksonException ex) {
			throw new InvalidInputException("cannot read results file " + file + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void open(ExecutionContext context) {
		try {
			input = Files.newInputStream(file);
			parser = CanonicalJson.MAPPER.createParser(input);
			seekRecords();
			long skip = context.getLong(READ_COUNT, 0L);
			while (readCount < skip && read() != null) {
				// skipping the records handed out before a restart
			}
		}
		catch (IOException ex) {
			throw new InvalidInputException("cannot read results file " + file + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public AuditRecord read() {
		try {
			JsonToken token = parser.nextToken();
			if (token == JsonToken.END_ARRAY || token == null) {
				return null;
			}
			Map<String, Object> json = CanonicalJson.readMap(parser.readValueAsTree().toString());
			readCount++;
			return record(json);
		}
		catch (JacksonException | ClassCastException | NullPointerException | IllegalArgumentException ex) {
			throw new InvalidInputException("results file " + file + " has an invalid record near line "
					+ parser.currentLocation().getLineNr() + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(READ_COUNT, readCount);
	}

	@Override
	public void close() {
		try {
			if (parser != null) {
				parser.close();
			}
			if (input != null) {
				input.close();
			}
		}
		catch (IOException ex) {
			// nothing was written to the file; a failed close of a read-only stream loses nothing
		}
	}

	private void seekRecords() {
		if (parser.nextToken() != JsonToken.START_OBJECT) {
			throw new InvalidInputException("results file " + file + " is not a JSON object");
		}
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			if ("records".equals(name) && value == JsonToken.START_ARRAY) {
				return;
			}
			parser.skipChildren();
		}
		throw new InvalidInputException("results file " + file + " has no \"records\" array");
	}

	@SuppressWarnings("unchecked")
	private static AuditRecord record(Map<String, Object> json) {
		Map<String, Object> target = (Map<String, Object>) json.get("target");
		Change change = new Change((String) target.get("store"), (String) target.get("table"),
				(Map<String, Object>) target.get("key"), (Map<String, Object>) json.get("before"),
				(Map<String, Object>) json.get("after"));
		return new AuditRecord(Instant.parse((String) json.get("timestamp")), (String) json.get("action"), change,
				(String) json.get("executor"), AuditRecord.Mode.ofLabel((String) json.get("mode")),
				Outcome.ofLabel((String) json.get("outcome")), ((Number) json.get("runId")).longValue(),
				(String) json.get("planId"), ((Number) json.get("seq")).longValue());
	}

}
