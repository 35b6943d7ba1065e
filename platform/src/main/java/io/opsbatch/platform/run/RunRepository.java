package io.opsbatch.platform.run;

import java.util.List;

/** Runs as the Spring Batch job repository records them, for listing. */
public interface RunRepository {

	/** The ids of the most recent runs (job executions), newest first. */
	List<Long> recentRunIds(int limit);

}
