package io.opsbatch.platform.batch;

import java.util.Map;

import io.opsbatch.platform.plan.CanonicalJson;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The job parameters every planning and execute run carries. Only the plan id identifies a run: each dry-run makes
 * a new plan, and a plan has exactly one execute job instance, so Spring Batch itself refuses a second concurrent
 * execute of one plan.
 *
 * @param planId the plan made (dry-run) or applied (execute)
 * @param action what the run does, e.g. {@code fix.reset-stuck-orders}
 * @param store the target store
 * @param parameters the resolved operation parameters (JSON)
 * @param executor who launched the run
 * @param sourceRunId for a rollback, the run it undoes
 */
public record RunParameters(String planId, String action, String store, Map<String, Object> parameters,
		String executor, Long sourceRunId) {

	/** Job parameter: the plan id (identifying). */
	public static final String PLAN_ID = "plan.id";

	/** Job parameter: the action. */
	public static final String ACTION = "action";

	/** Job parameter: the target store. */
	public static final String STORE = "store";

	/** Job parameter: the operation's parameters as canonical JSON. */
	public static final String PARAMETERS = "parameters";

	/** Job parameter: who launched the run. */
	public static final String EXECUTOR = "executor";

	/** Job parameter: the run a rollback undoes. */
	public static final String SOURCE_RUN = "source.run";

	/** The Spring Batch parameters for this run. */
	public JobParameters toJobParameters() {
		JobParametersBuilder builder = new JobParametersBuilder().addString(PLAN_ID, planId, true)
			.addString(ACTION, action, false)
			.addString(STORE, store, false)
			.addString(PARAMETERS, CanonicalJson.write(parameters), false)
			.addString(EXECUTOR, executor, false);
		if (sourceRunId != null) {
			builder.addLong(SOURCE_RUN, sourceRunId, false);
		}
		return builder.toJobParameters();
	}

	/**
	 * The job parameters of a restart by {@code executor}: the same identifying parameters (so Spring Batch continues
	 * the same job instance), the non-identifying executor replaced, so the new run and its audit records name who
	 * restarted it, not who started it.
	 */
	public static JobParameters restartedBy(JobParameters original, String executor) {
		return new JobParametersBuilder(original).addString(EXECUTOR, executor, false).toJobParameters();
	}

	/** Read the run parameters back from a job's parameters. */
	public static RunParameters of(JobParameters jobParameters) {
		String json = jobParameters.getString(PARAMETERS);
		return new RunParameters(jobParameters.getString(PLAN_ID), jobParameters.getString(ACTION),
				jobParameters.getString(STORE), (json == null) ? Map.of() : CanonicalJson.readMap(json),
				jobParameters.getString(EXECUTOR), jobParameters.getLong(SOURCE_RUN));
	}

}
