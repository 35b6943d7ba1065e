package io.opsbatch.it;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.opsbatch.OpsbatchApplication;
import io.opsbatch.platform.launch.Operation;
import io.opsbatch.platform.schedule.ScheduleProperties.Schedule;
import io.opsbatch.platform.schedule.quartz.OperationJob;
import io.opsbatch.platform.schedule.quartz.QuartzScheduleSync;
import io.opsbatch.platform.schedule.support.ScheduledLaunches;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mockito;
import org.quartz.Scheduler;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduler on PostgreSQL: two clustered instances (distinct instance ids, one database) run each fire exactly
 * once; a fire missed while the scheduler was down fires once on restart; declared schedules are added, changed and
 * removed across restarts. Each "process" is a Quartz scheduler of its own on the platform database, running the
 * production job ({@link OperationJob} -> {@link ScheduledLaunches} -> the operation).
 */
@ExtendWith(PostgresAvailable.class)
@Import(ClusteredSchedulerIT.CountingOperation.class)
@SpringBootTest(classes = OpsbatchApplication.class,
		properties = { CliTestSupport.CONFIG, CliTestSupport.NO_CLI_RUNNER, CliTestSupport.FIXES, CliTestSupport.RUNS,
				CliTestSupport.ORPHAN_RULES, "spring.profiles.active=postgres",
				"DB_NAME=${opsbatch.test.db:opsbatch_test}", "DB_USER=opsbatch_test", "OPSBATCH_DEMO=true",
				"opsbatch.environment=it-postgres" })
class ClusteredSchedulerIT {

	static final String CLUSTER = "opsbatch-it";

	static final AtomicLong LAUNCHES = new AtomicLong();

	@TestConfiguration
	static class CountingOperation {

		/** Parameter: how long a launch takes (default 400 ms); what a real run does meanwhile, Quartz cannot tell. */
		static final String MILLIS = "millis";

		@Bean
		Operation countingOperation() {
			return new Operation() {
				@Override
				public String name() {
					return "it.count";
				}

				@Override
				public String description() {
					return "counts launches";
				}

				@Override
				public JobExecution launch(Map<String, String> parameters, String executor) {
					try {
						// the launch's own duration, on Quartz's wall clock (it keeps the node's one worker busy so the
						// other node must take fires): simulated work, not a test waiting for something
						Thread.sleep(Long.parseLong(parameters.getOrDefault(MILLIS, "400")));
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					JobExecution execution = Mockito.mock(JobExecution.class);
					Mockito.when(execution.getId()).thenReturn(LAUNCHES.incrementAndGet());
					Mockito.when(execution.getStatus()).thenReturn(BatchStatus.COMPLETED);
					return execution;
				}
			};
		}

	}

	@Autowired
	DataSource dataSource;

	@Autowired
	ScheduledLaunches launches;

	@Autowired
	JdbcTemplate jdbc;

	private final List<SchedulerFactoryBean> nodes = new ArrayList<>();

	@BeforeEach
	@AfterEach
	void clean() throws Exception {
		for (SchedulerFactoryBean node : nodes) {
			node.destroy();
		}
		nodes.clear();
		for (String table : List.of("QRTZ_FIRED_TRIGGERS", "QRTZ_CRON_TRIGGERS", "QRTZ_SIMPLE_TRIGGERS",
				"QRTZ_SIMPROP_TRIGGERS", "QRTZ_BLOB_TRIGGERS", "QRTZ_TRIGGERS", "QRTZ_JOB_DETAILS",
				"QRTZ_SCHEDULER_STATE", "QRTZ_LOCKS", "QRTZ_PAUSED_TRIGGER_GRPS", "QRTZ_CALENDARS")) {
			jdbc.update("DELETE FROM " + table + " WHERE SCHED_NAME = ?", CLUSTER);
		}
		jdbc.update("DELETE FROM ops_schedule_fire WHERE schedule_name LIKE 'it-%'");
		LAUNCHES.set(0);
	}

	/**
	 * Three every-second schedules on two instances with one worker thread each, whose launches take hundreds of
	 * milliseconds ({@code it-every-second-1} longer than a second): one instance alone cannot keep up, so both must
	 * take fires. The second instance joins while the first runs a fire of {@code it-every-second-1} whose next slot
	 * is due (a rolling start); it must not release that schedule's trigger, as a non-clustered instance does on start.
	 * Every due time of every schedule fires exactly
	 * once (none twice, none missed), and a schedule never runs twice at once.
	 */
	@Test
	void two_clustered_instances_run_every_fire_exactly_once() throws Exception {
		List<String> schedules = List.of("it-every-second-1", "it-every-second-2", "it-every-second-3");
		Schedule slow = new Schedule(schedules.get(0), "it.count", Map.of(CountingOperation.MILLIS, "1500"),
				"* * * * * ?", "UTC", true);
		Scheduler a = node("node-a", 60_000);
		Scheduler b = node("node-b", 60_000);
		new QuartzScheduleSync(a).apply(List.of(slow));
		a.start();
		awaitTrue(Duration.ofSeconds(20), () -> count("SELECT COUNT(*) FROM ops_schedule_fire WHERE schedule_name = "
				+ "'it-every-second-1' AND outcome = 'LAUNCHING'") > 0);
		b.start();
		String joined = jdbc.queryForObject("SELECT TRIGGER_STATE FROM QRTZ_TRIGGERS WHERE SCHED_NAME = ? AND "
				+ "TRIGGER_NAME = 'it-every-second-1'", String.class, CLUSTER);
		assertThat(count("SELECT COUNT(*) FROM ops_schedule_fire WHERE schedule_name = 'it-every-second-1' AND "
				+ "outcome = 'LAUNCHING'")).as("node-a still runs the fire (it takes 1.5 s)").isOne();
		assertThat(joined).as("the running schedule's trigger after node-b joined: a non-clustered start releases "
				+ "what other instances hold").isEqualTo("BLOCKED");
		new QuartzScheduleSync(b).apply(List.of(slow, schedule(schedules.get(1), "* * * * * ?"),
				schedule(schedules.get(2), "* * * * * ?")));

		awaitTrue(Duration.ofSeconds(30), () -> schedules.stream().allMatch((name) -> fires(name) >= 5));
		a.standby();
		b.standby();
		awaitTrue(Duration.ofSeconds(30), () -> count("SELECT COUNT(*) FROM ops_schedule_fire WHERE schedule_name "
				+ "LIKE 'it-every-second-%' AND outcome = 'LAUNCHING'") == 0);

		assertThat(count("SELECT COUNT(*) FROM (SELECT schedule_name, scheduled_at FROM ops_schedule_fire WHERE "
				+ "schedule_name LIKE 'it-every-second-%' GROUP BY schedule_name, scheduled_at HAVING COUNT(*) > 1) d"))
			.as("(schedule, due time) launched twice")
			.isZero();
		for (String name : schedules) {
			List<java.sql.Timestamp> due = jdbc.queryForList("SELECT scheduled_at FROM ops_schedule_fire WHERE "
					+ "schedule_name = ? ORDER BY scheduled_at", java.sql.Timestamp.class, name);
			long slots = Duration.between(due.get(0).toInstant(), due.get(due.size() - 1).toInstant()).toSeconds() + 1;
			assertThat(due).as(name + ": one fire per second from its first to its last, none missed").hasSize(
					(int) slots);
		}
		assertThat(count("""
				SELECT COUNT(*) FROM ops_schedule_fire f JOIN ops_schedule_fire g ON g.schedule_name = f.schedule_name
				AND g.id <> f.id AND g.fired_at >= f.fired_at AND g.fired_at < f.finished_at
				WHERE f.schedule_name LIKE 'it-every-second-%'""")).as("fires of one schedule that overlapped").isZero();
		long fires = count("SELECT COUNT(*) FROM ops_schedule_fire WHERE schedule_name LIKE 'it-every-second-%'");
		assertThat(LAUNCHES.get()).as("operation launches").isEqualTo(fires);
		assertThat(count("SELECT COUNT(*) FROM ops_schedule_fire WHERE schedule_name LIKE 'it-every-second-%' "
				+ "AND outcome <> 'COMPLETED'")).isZero();
		assertThat(jdbc.queryForList("SELECT DISTINCT instance_id FROM ops_schedule_fire WHERE schedule_name LIKE "
				+ "'it-every-second-%'", String.class)).as("both instances took fires")
			.containsExactlyInAnyOrder("node-a", "node-b");
	}

	@Test
	void a_fire_missed_while_the_scheduler_was_down_fires_once_on_restart() throws Exception {
		Schedule daily = schedule("it-daily", "0 0 3 * * ?");
		Scheduler first = node("first", 1_000);
		new QuartzScheduleSync(first).apply(List.of(daily));
		nodes.remove(0).destroy();
		// the process was down for three days: the trigger's next fire is three nightly slots in the past
		long threeDaysAgo = LocalDate.now(ZoneOffset.UTC).minusDays(3).atTime(3, 0).toInstant(ZoneOffset.UTC)
			.toEpochMilli();
		assertThat(jdbc.update("UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = ? WHERE SCHED_NAME = ? AND TRIGGER_NAME = ?",
				threeDaysAgo, CLUSTER, "it-daily")).isEqualTo(1);

		Scheduler restarted = node("restarted", 1_000);
		QuartzScheduleSync.Result applied = new QuartzScheduleSync(restarted).apply(List.of(daily));
		assertThat(applied.unchanged()).containsExactly("it-daily");
		Instant started = Instant.now();
		restarted.start();

		awaitTrue(Duration.ofSeconds(30), () -> fires("it-daily") >= 1);
		// would the other missed slots follow? (they do under a fire-every-missed policy): the count must stay 1
		Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
			.until(() -> fires("it-daily"), (n) -> n == 1);
		assertThat(fires("it-daily")).isEqualTo(1);
		Instant scheduledAt = jdbc.queryForObject("SELECT scheduled_at FROM ops_schedule_fire WHERE schedule_name = "
				+ "'it-daily'", java.sql.Timestamp.class).toInstant();
		assertThat(scheduledAt).isAfterOrEqualTo(started.minusSeconds(5));
		long next = jdbc.queryForObject("SELECT NEXT_FIRE_TIME FROM QRTZ_TRIGGERS WHERE SCHED_NAME = ? AND "
				+ "TRIGGER_NAME = ?", Long.class, CLUSTER, "it-daily");
		assertThat(Instant.ofEpochMilli(next)).isAfter(Instant.now());
	}

	@Test
	void declared_schedules_are_added_changed_and_removed_across_restarts() throws Exception {
		QuartzScheduleSync.Result first = new QuartzScheduleSync(node("boot-1", 60_000))
			.apply(List.of(schedule("it-a", "0 0 1 * * ?"), schedule("it-b", "0 0 2 * * ?")));
		assertThat(first.added()).containsExactly("it-a", "it-b");
		nodes.remove(0).destroy();

		Scheduler second = node("boot-2", 60_000);
		QuartzScheduleSync.Result changed = new QuartzScheduleSync(second).apply(List.of(
				schedule("it-a", "0 15 1 * * ?"), schedule("it-c", "0 0 4 * * ?"),
				new Schedule("it-d", "it.count", Map.of(), "0 0 5 * * ?", "UTC", false)));
		assertThat(changed.changed()).containsExactly("it-a");
		assertThat(changed.added()).containsExactly("it-c");
		assertThat(changed.removed()).containsExactly("it-b");
		assertThat(((org.quartz.CronTrigger) second.getTrigger(org.quartz.TriggerKey.triggerKey("it-a", "opsbatch")))
			.getCronExpression()).isEqualTo("0 15 1 * * ?");
		nodes.remove(0).destroy();

		Scheduler third = node("boot-3", 60_000);
		QuartzScheduleSync.Result same = new QuartzScheduleSync(third)
			.apply(List.of(schedule("it-a", "0 15 1 * * ?"), new Schedule("it-c", "it.count", Map.of("x", "1"),
					"0 0 4 * * ?", "Europe/Berlin", true)));
		assertThat(same.unchanged()).containsExactly("it-a");
		assertThat(same.changed()).containsExactly("it-c");
		assertThat(third.getJobKeys(org.quartz.impl.matchers.GroupMatcher.jobGroupEquals("opsbatch")))
			.extracting(org.quartz.JobKey::getName).containsExactlyInAnyOrder("it-a", "it-c");
	}

	private static Schedule schedule(String name, String cron) {
		return new Schedule(name, "it.count", Map.of(), cron, "UTC", true);
	}

	private Scheduler node(String instanceId, long misfireThresholdMillis) throws Exception {
		SchedulerFactoryBean factory = new SchedulerFactoryBean();
		factory.setDataSource(dataSource);
		factory.setSchedulerName(CLUSTER);
		Properties properties = new Properties();
		properties.put("org.quartz.scheduler.instanceId", instanceId);
		properties.put("org.quartz.jobStore.isClustered", "true");
		properties.put("org.quartz.jobStore.clusterCheckinInterval", "1000");
		properties.put("org.quartz.jobStore.misfireThreshold", Long.toString(misfireThresholdMillis));
		properties.put("org.quartz.jobStore.useProperties", "true");
		properties.put("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
		properties.put("org.quartz.threadPool.threadCount", "1");
		factory.setQuartzProperties(properties);
		factory.setJobFactory((bundle, scheduler) -> new OperationJob(launches));
		factory.setAutoStartup(false);
		factory.setWaitForJobsToCompleteOnShutdown(true);
		factory.afterPropertiesSet();
		nodes.add(factory);
		return factory.getScheduler();
	}

	private long fires(String schedule) {
		return count("SELECT COUNT(*) FROM ops_schedule_fire WHERE schedule_name = '" + schedule + "'");
	}

	private long count(String sql) {
		Long count = jdbc.queryForObject(sql, Long.class);
		return (count == null) ? 0 : count;
	}

	static void awaitTrue(Duration timeout, Callable<Boolean> condition) {
		Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(condition);
	}

}
