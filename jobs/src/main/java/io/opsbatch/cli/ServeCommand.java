package io.opsbatch.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.opsbatch.platform.InvalidInputException;
import io.opsbatch.platform.cli.TargetEnvironment;
import io.opsbatch.platform.schedule.Schedules;
import picocli.CommandLine.Command;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * {@code opsbatch serve}: the REST API, actuator and the clustered scheduler in one process, until it is stopped
 * (SIGTERM / Ctrl-C: running scheduled launches finish first). The launcher starts Spring as a web application with
 * the scheduler enabled for this command only (see {@link #springArguments}); every other command stays non-web and
 * never starts Quartz.
 */
@Command(name = "serve", description = "Run the service: REST API, actuator, and the clustered scheduler of the declared schedules.")
public class ServeCommand extends CommandBase {

	private final ConfigurableApplicationContext context;

	private final Schedules schedules;

	ServeCommand(TargetEnvironment environment, ConfigurableApplicationContext context, Schedules schedules) {
		super(environment);
		this.context = context;
		this.schedules = schedules;
	}

	/** The Spring arguments {@code serve} adds, unless given: a servlet web server and the scheduler. */
	public static String[] springArguments(String[] given) {
		List<String> arguments = new ArrayList<>(Arrays.asList(given));
		addUnlessGiven(arguments, "spring.main.web-application-type", "servlet");
		addUnlessGiven(arguments, "opsbatch.scheduler.enabled", "true");
		addUnlessGiven(arguments, "logging.level.io.opsbatch", "INFO");
		if (System.getProperty("opsbatch.home") == null) {
			// a web application reads relative paths as servlet resources: make the config folders absolute
			addUnlessGiven(arguments, "opsbatch.home", System.getProperty("user.dir"));
		}
		return arguments.toArray(String[]::new);
	}

	private static void addUnlessGiven(List<String> arguments, String name, String value) {
		if (arguments.stream().noneMatch((a) -> a.startsWith("--" + name + "="))) {
			arguments.add("--" + name + "=" + value);
		}
	}

	@Override
	int run(Console console) {
		if (!(context instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
			throw new InvalidInputException("serve runs as the command of its own process: ./opsbatch serve");
		}
		CountDownLatch closed = new CountDownLatch(1);
		context.addApplicationListener((ApplicationEvent event) -> {
			if (event instanceof ContextClosedEvent) {
				closed.countDown();
			}
		});
		console.field("listening", "http://localhost:" + web.getWebServer().getPort() + "/api (actuator: /actuator)");
		console.field("schedules", schedules.list().size() + " declared (opsbatch schedules)");
		console.line("serving; stop with SIGTERM or Ctrl-C");
		spec.commandLine().getOut().flush();
		try {
			closed.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return ok();
	}

}
