package io.opsbatch.jobs.fix;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.opsbatch.platform.InvalidInputException;
import io.opsbatch.platform.batch.RunParameters;
import io.opsbatch.platform.change.jdbc.JdbcTargetStores;
import io.opsbatch.platform.launch.Operation;
import io.opsbatch.platform.launch.support.GuardedJobStarts;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The data-fix dry-run as an {@link Operation}: parameter {@code fix} names the fix, every other parameter is one the
 * fix declares. The CLI, schedules and the API launch it the same way.
 */
@Component
public class FixOperation implements Operation {

	/** The parameter naming the fix. */
	public static final String FIX = "fix";

	private final FixCatalog catalog;

	private final JdbcTargetStores stores;

	private final GuardedJobStarts starts;

	private final Job job;

	private final Clock clock;

	public FixOperation(FixCatalog catalog, JdbcTargetStores stores, GuardedJobStarts starts,
			@Qualifier("fixJob") Job job, Clock clock) {
		this.catalog = catalog;
		this.stores = stores;
		this.starts = starts;
		this.job = job;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "fix";
	}

	@Override
	public String description() {
		return "dry-run of a data fix (parameters: fix=<id> and the fix's own)";
	}

	@Override
	public JobExecution launch(Map<String, String> parameters, String executor) {
		return launch(prepare(parameters, executor));
	}

	/**
	 * Check a dry-run before it starts: the fix exists, its parameters resolve, its table, columns and selection are
	 * accepted by the store.
	 * @throws InvalidInputException naming the problem (and the file and line for a fix file)
	 */
	public Prepared prepare(Map<String, String> parameters, String executor) {
		Map<String, String> fixParameters = new LinkedHashMap<>(parameters);
		String id = fixParameters.remove(FIX);
		if (id == null) {
			throw new InvalidInputException("missing parameter 'fix' (the fix id; known: "
					+ String.join(", ", catalog.ids()) + ")");
		}
		DataFix fix = catalog.get(id);
		FixDefinition definition = fix.definition();
		Map<String, Object> resolved = FixParameters.resolve(definition, fixParameters, clock.instant());
		long candidates = FixValidator.validate(fix, stores.get(definition.store()), resolved);
		RunParameters run = new RunParameters(UUID.randomUUID().toString(), definition.action(), definition.store(),
				resolved, executor, null);
		Map<String, String> given = new LinkedHashMap<>(fixParameters);
		given.put(FIX, definition.id());
		return new Prepared(fix, resolved, candidates, run, given);
	}

	/**
	 * Run a prepared dry-run to its end.
	 * @throws io.opsbatch.platform.launch.OperationAlreadyRunningException when a dry-run of the same fix with the
	 * same parameters is running
	 */
	public JobExecution launch(Prepared prepared) {
		return starts.start(name(), prepared.parameters(), prepared.run().executor(), job,
				new JobParametersBuilder(prepared.run().toJobParameters())
					.addString(FixJobConfiguration.FIX_ID, prepared.fix().definition().id(), false)
					.toJobParameters());
	}

	/**
	 * A checked dry-run, ready to launch.
	 *
	 * @param fix the fix
	 * @param resolved its resolved parameters (recorded in the plan)
	 * @param candidates how many records its selection matches now
	 * @param run the run's parameters
	 * @param parameters the text parameters as given, {@code fix} included
	 */
	public record Prepared(DataFix fix, Map<String, Object> resolved, long candidates, RunParameters run,
			Map<String, String> parameters) {
	}

}
