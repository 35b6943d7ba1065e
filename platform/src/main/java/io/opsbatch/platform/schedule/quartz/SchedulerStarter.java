package io.opsbatch.platform.schedule.quartz;

import java.util.function.Supplier;

import io.opsbatch.platform.schedule.ScheduleProperties;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Starts the scheduler of {@code opsbatch serve}: checks the declared schedules (a bad one stops the start with its
 * reason), applies them to the job store, then starts Quartz. Other commands never start it.
 */
public class SchedulerStarter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SchedulerStarter.class);

	private final Scheduler scheduler;

	private final Supplier<ScheduleProperties> declared;

	private final Runnable check;

	private volatile boolean running;

	public SchedulerStarter(Scheduler scheduler, Supplier<ScheduleProperties> declared, Runnable check) {
		this.scheduler = scheduler;
		this.declared = declared;
		this.check = check;
	}

	@Override
	public void start() {
		check.run();
		try {
			QuartzScheduleSync.Result result = new QuartzScheduleSync(scheduler).apply(declared.get().schedules());
			log.info("schedules applied: added {}, changed {}, removed {}, unchanged {}", result.added(),
					result.changed(), result.removed(), result.unchanged());
			scheduler.start();
			log.info("scheduler {} started as instance {}", scheduler.getSchedulerName(),
					scheduler.getSchedulerInstanceId());
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("cannot start the scheduler: " + ex.getMessage(), ex);
		}
		running = true;
	}

	@Override
	public void stop() {
		try {
			scheduler.standby();
		}
		catch (SchedulerException ex) {
			log.warn("cannot put the scheduler in standby: {}", ex.getMessage());
		}
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 1000;
	}

}
