package io.opsbatch.platform.schedule.quartz;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.function.Supplier;

import io.opsbatch.platform.RefusedException;
import io.opsbatch.platform.schedule.ScheduleFire;
import io.opsbatch.platform.schedule.ScheduleFireRepository;
import io.opsbatch.platform.schedule.ScheduleNotFoundException;
import io.opsbatch.platform.schedule.ScheduleProperties.Schedule;
import io.opsbatch.platform.schedule.ScheduleView;
import io.opsbatch.platform.schedule.SchedulerProperties;
import io.opsbatch.platform.schedule.Schedules;
import org.quartz.CronExpression;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.GroupMatcher;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.DataAccessException;

/** {@link Schedules} read from the declarations, the Quartz job store and the fire log; no running scheduler needed. */
public class QuartzSchedules implements Schedules {

	private final Scheduler scheduler;

	private final Supplier<List<Schedule>> declared;

	private final ScheduleFireRepository fires;

	private final JobRepository jobRepository;

	public QuartzSchedules(Scheduler scheduler, Supplier<List<Schedule>> declared, ScheduleFireRepository fires,
			JobRepository jobRepository) {
		this.scheduler = scheduler;
		this.declared = declared;
		this.fires = fires;
		this.jobRepository = jobRepository;
	}

	@Override
	public List<ScheduleView> list() {
		try {
			List<ScheduleView> views = new ArrayList<>();
			Set<String> names = new HashSet<>();
			for (Schedule schedule : declared.get()) {
				names.add(schedule.name());
				views.add(view(schedule));
			}
			for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(SchedulerProperties.GROUP))) {
				if (!names.contains(key.getName())) {
					views.add(undeclared(key));
				}
			}
			return views;
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("cannot read the schedules from the Quartz job store: " + ex.getMessage(), ex);
		}
	}

	@Override
	public ScheduleView get(String name) {
		return list().stream()
			.filter((view) -> view.name().equals(name) && !"UNDECLARED".equals(view.state()))
			.findFirst()
			.orElseThrow(() -> new ScheduleNotFoundException(name));
	}

	@Override
	public void triggerNow(String name) {
		Schedule schedule = declared.get()
			.stream()
			.filter((s) -> s.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new ScheduleNotFoundException(name));
		if (!schedule.enabled()) {
			throw new RefusedException("schedule '" + name + "' is disabled; enable it in opsbatch.schedules first");
		}
		try {
			JobKey key = QuartzScheduleSync.jobKey(name);
			if (scheduler.getJobDetail(key) == null) {
				throw new RefusedException("schedule '" + name + "' is not applied yet; it is when opsbatch serve starts");
			}
			scheduler.scheduleJob(TriggerBuilder.newTrigger()
				.withIdentity(name + "-" + UUID.randomUUID(), SchedulerProperties.MANUAL_GROUP)
				.forJob(key)
				.startNow()
				.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
				.build());
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("cannot trigger schedule '" + name + "': " + ex.getMessage(), ex);
		}
	}

	private ScheduleView view(Schedule schedule) throws SchedulerException {
		Trigger trigger = scheduler.getTrigger(QuartzScheduleSync.triggerKey(schedule.name()));
		String state;
		Instant next = null;
		Instant previous = null;
		if (!schedule.enabled()) {
			state = "DISABLED";
		}
		else if (trigger == null) {
			state = "NOT_APPLIED";
			next = nextFromCron(schedule);
		}
		else {
			state = scheduler.getTriggerState(trigger.getKey()).name();
			next = instant(trigger.getNextFireTime());
			previous = instant(trigger.getPreviousFireTime());
		}
		ScheduleFire last = fires.last(schedule.name()).orElse(null);
		return new ScheduleView(schedule.name(), schedule.operation(), schedule.parameters(), schedule.cron(),
				schedule.timeZone(), schedule.enabled(), state, next, previous, last, runStatus(last));
	}

	private ScheduleView undeclared(JobKey key) throws SchedulerException {
		JobDetail job = scheduler.getJobDetail(key);
		Trigger trigger = scheduler.getTrigger(QuartzScheduleSync.triggerKey(key.getName()));
		String cron = (trigger instanceof org.quartz.CronTrigger c) ? c.getCronExpression() : null;
		String zone = (trigger instanceof org.quartz.CronTrigger c) ? c.getTimeZone().getID() : null;
		ScheduleFire last = fires.last(key.getName()).orElse(null);
		return new ScheduleView(key.getName(), (job == null) ? null : job.getJobDataMap().getString(OperationJob.OPERATION),
				(job == null) ? Map.of() : OperationJob.parameters(job.getJobDataMap()), cron, zone, false, "UNDECLARED",
				(trigger == null) ? null : instant(trigger.getNextFireTime()),
				(trigger == null) ? null : instant(trigger.getPreviousFireTime()), last, runStatus(last));
	}

	private String runStatus(ScheduleFire fire) {
		if (fire == null || fire.runId() == null) {
			return null;
		}
		try {
			JobExecution execution = jobRepository.getJobExecution(fire.runId());
			return (execution == null) ? null : execution.getStatus().name();
		}
		catch (DataAccessException ex) {
			return null;
		}
	}

	private static Instant nextFromCron(Schedule schedule) {
		try {
			CronExpression cron = new CronExpression(schedule.cron());
			cron.setTimeZone(TimeZone.getTimeZone(ZoneId.of(schedule.timeZone())));
			return instant(cron.getNextValidTimeAfter(new Date()));
		}
		catch (java.text.ParseException | RuntimeException ex) {
			return null;
		}
	}

	private static Instant instant(Date date) {
		return (date == null) ? null : date.toInstant();
	}

}
