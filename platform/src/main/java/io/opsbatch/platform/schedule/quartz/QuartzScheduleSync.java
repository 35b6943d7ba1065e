package io.opsbatch.platform.schedule.quartz;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;

import io.opsbatch.platform.schedule.ScheduleProperties.Schedule;
import io.opsbatch.platform.schedule.SchedulerProperties;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * Applies the declared schedules to the Quartz job store: adds new ones, replaces changed ones (cron, time zone,
 * operation or parameters), removes those no longer declared or disabled from the group opsbatch owns, and leaves
 * unchanged triggers alone, so a fire missed while every instance was down is still due (and fires once).
 */
public class QuartzScheduleSync {

	private final Scheduler scheduler;

	public QuartzScheduleSync(Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	/**
	 * What {@link #apply} did.
	 *
	 * @param added schedules new to the scheduler
	 * @param changed schedules whose trigger or job was replaced
	 * @param removed schedules removed (no longer declared, or disabled)
	 * @param unchanged schedules left as they were
	 */
	public record Result(List<String> added, List<String> changed, List<String> removed, List<String> unchanged) {
	}

	/** Make the scheduler's opsbatch group match the declared schedules. */
	public Result apply(List<Schedule> declared) throws SchedulerException {
		Result result = new Result(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
		Map<String, Schedule> enabled = new LinkedHashMap<>();
		declared.stream().filter(Schedule::enabled).forEach((s) -> enabled.put(s.name(), s));
		for (Schedule schedule : enabled.values()) {
			JobDetail job = job(schedule);
			CronTrigger trigger = trigger(schedule);
			JobDetail existingJob = scheduler.getJobDetail(job.getKey());
			Trigger existingTrigger = scheduler.getTrigger(trigger.getKey());
			if (existingJob != null && existingTrigger != null && same(existingJob, existingTrigger, job, trigger)) {
				result.unchanged().add(schedule.name());
				continue;
			}
			scheduler.scheduleJob(job, Set.of(trigger), true);
			((existingJob == null) ? result.added() : result.changed()).add(schedule.name());
		}
		for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(SchedulerProperties.GROUP))) {
			if (!enabled.containsKey(key.getName()) && scheduler.deleteJob(key)) {
				result.removed().add(key.getName());
			}
		}
		return result;
	}

	static JobKey jobKey(String schedule) {
		return JobKey.jobKey(schedule, SchedulerProperties.GROUP);
	}

	static TriggerKey triggerKey(String schedule) {
		return TriggerKey.triggerKey(schedule, SchedulerProperties.GROUP);
	}

	static JobDetail job(Schedule schedule) {
		JobDataMap data = new JobDataMap();
		data.put(OperationJob.OPERATION, schedule.operation());
		schedule.parameters().forEach((name, value) -> data.put(OperationJob.PARAMETER + name, value));
		return JobBuilder.newJob(OperationJob.class)
			.withIdentity(jobKey(schedule.name()))
			.withDescription(schedule.operation())
			.usingJobData(data)
			.storeDurably()
			.requestRecovery(false)
			.build();
	}

	static CronTrigger trigger(Schedule schedule) {
		return TriggerBuilder.newTrigger()
			.withIdentity(triggerKey(schedule.name()))
			.forJob(jobKey(schedule.name()))
			.withSchedule(CronScheduleBuilder.cronSchedule(schedule.cron())
				.inTimeZone(TimeZone.getTimeZone(ZoneId.of(schedule.timeZone())))
				.withMisfireHandlingInstructionFireAndProceed())
			.build();
	}

	private static boolean same(JobDetail existingJob, Trigger existingTrigger, JobDetail job, CronTrigger trigger) {
		return existingTrigger instanceof CronTrigger cron && cron.getCronExpression().equals(trigger.getCronExpression())
				&& cron.getTimeZone().getID().equals(trigger.getTimeZone().getID())
				&& cron.getMisfireInstruction() == trigger.getMisfireInstruction()
				&& existingJob.getJobClass().equals(job.getJobClass())
				&& data(existingJob.getJobDataMap()).equals(data(job.getJobDataMap()));
	}

	private static Map<String, String> data(JobDataMap data) {
		Map<String, String> text = new TreeMap<>();
		data.forEach((key, value) -> text.put(key, String.valueOf(value)));
		return text;
	}

}
