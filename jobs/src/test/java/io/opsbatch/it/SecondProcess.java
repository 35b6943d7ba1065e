package io.opsbatch.it;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the packaged application ({@code target/opsbatch.jar}, built by {@code mvn package} before the integration
 * tests) as a second process on the PostgreSQL test database, for tests of what happens across processes.
 */
final class SecondProcess {

	private SecondProcess() {
	}

	/**
	 * Start {@code opsbatch <arguments>} with the postgres profile, the given chunk size and fixes folder.
	 * @param log where its output goes
	 */
	static Process start(Path log, int chunkSize, Path fixes, String... arguments) throws IOException {
		Path jar = Path.of("target/opsbatch.jar");
		assertThat(jar).as("the application jar (built by mvn package)").exists();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-jar", jar.toString(), "--spring.config.additional-location=file:../config/",
				"--spring.profiles.active=postgres", "--opsbatch.environment=it-postgres",
				"--opsbatch.chunk-size=" + chunkSize, "--opsbatch.fixes.directory=" + fixes,
				"--opsbatch.runs-directory=target/it-runs"));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().put("DB_NAME", System.getProperty("opsbatch.test.db", "opsbatch_test"));
		builder.environment().put("DB_USER", "opsbatch_test");
		builder.environment().put("OPSBATCH_DEMO", "false");
		builder.redirectErrorStream(true);
		builder.redirectOutput(log.toFile());
		return builder.start();
	}

}
