package io.opsbatch.platform.schedule.quartz;

import java.util.Map;
import java.util.TreeMap;

import io.opsbatch.platform.schedule.SchedulerProperties;
import io.opsbatch.platform.schedule.support.ScheduledLaunches;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

/**
 * The Quartz job of every schedule: launches its operation through {@link ScheduledLaunches}. A schedule never runs
 * twice at once, in the whole cluster; a fire due while the previous one still runs waits for it.
 */
@DisallowConcurrentExecution
public class OperationJob implements Job {

	/** Job data: the operation's name. */
	static final String OPERATION = "operation";

	/** Job data: prefix of each operation parameter. */
	static final String PARAMETER = "parameter.";

	private final ScheduledLaunches launches;

	public OperationJob(ScheduledLaunches launches) {
		this.launches = launches;
	}

	@Override
	public void execute(JobExecutionContext context) throws JobExecutionException {
		JobDataMap data = context.getMergedJobDataMap();
		String kind = SchedulerProperties.MANUAL_GROUP.equals(context.getTrigger().getKey().getGroup()) ? "manual"
				: "scheduled";
		String instanceId;
		try {
			instanceId = context.getScheduler().getSchedulerInstanceId();
		}
		catch (SchedulerException ex) {
			throw new JobExecutionException(ex);
		}
		launches.launch(context.getJobDetail().getKey().getName(), data.getString(OPERATION), parameters(data), kind,
				context.getScheduledFireTime().toInstant(), instanceId);
	}

	static Map<String, String> parameters(JobDataMap data) {
		Map<String, String> parameters = new TreeMap<>();
		for (String key : data.getKeys()) {
			if (key.startsWith(PARAMETER)) {
				parameters.put(key.substring(PARAMETER.length()), data.getString(key));
			}
		}
		return parameters;
	}

}
