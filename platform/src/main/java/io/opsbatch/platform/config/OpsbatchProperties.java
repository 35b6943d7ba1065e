package io.opsbatch.platform.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the platform, under {@code opsbatch.*}.
 *
 * @param environment the name of the target environment, printed first by every command; plans execute only in
 * the environment they were made in
 * @param selfApproval whether a plan's requester may approve it; ignored (always false) when the environment or an
 * active profile is named {@code prod}
 * @param planTtl how long a plan stays approvable and executable after its dry-run
 * @param runsDirectory the folder that receives {@code <run-id>/results.json}
 * @param chunkSize items per transaction in planning and execute steps
 * @param previewRows how many items a dry-run prints in its before/after table
 * @param stores the target stores by name; a store without a url is the platform database itself
 * @param recoverQuiet how long a run left STARTED must have written nothing to the job repository before it may be
 * recovered (marked FAILED) without {@code --force}
 */
@ConfigurationProperties("opsbatch")
public record OpsbatchProperties(@DefaultValue(DEFAULT_ENVIRONMENT) String environment,
		@DefaultValue("false") boolean selfApproval, @DefaultValue(DEFAULT_PLAN_TTL) Duration planTtl,
		@DefaultValue(DEFAULT_RUNS_DIRECTORY) Path runsDirectory, @DefaultValue(DEFAULT_CHUNK_SIZE) int chunkSize,
		@DefaultValue(DEFAULT_PREVIEW_ROWS) int previewRows, Map<String, StoreProperties> stores,
		@DefaultValue(DEFAULT_RECOVER_QUIET) Duration recoverQuiet) {

	/** Environment name when none is configured. */
	public static final String DEFAULT_ENVIRONMENT = "demo";

	/** Plans expire 24 hours after their dry-run. */
	public static final String DEFAULT_PLAN_TTL = "24h";

	/** Results files go to {@code ./runs}. */
	public static final String DEFAULT_RUNS_DIRECTORY = "runs";

	/** One transaction per 1,000 items. */
	public static final String DEFAULT_CHUNK_SIZE = "1000";

	/** Dry-runs show the first 10 changes. */
	public static final String DEFAULT_PREVIEW_ROWS = "10";

	/** A run must have been quiet for 5 minutes before it is taken for dead. */
	public static final String DEFAULT_RECOVER_QUIET = "5m";

	public OpsbatchProperties {
		stores = (stores == null) ? Map.of() : stores;
	}

	/**
	 * A JDBC target store.
	 *
	 * @param url the JDBC url; empty means the platform database (changes and audit then commit together)
	 * @param username the user
	 * @param password the password (never printed)
	 */
	public record StoreProperties(@DefaultValue("") String url, String username, String password) {

		/** Whether this store is the platform database. */
		public boolean isPlatformDatabase() {
			return url == null || url.isBlank();
		}

	}

}
