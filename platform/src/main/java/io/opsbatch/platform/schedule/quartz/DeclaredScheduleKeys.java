package io.opsbatch.platform.schedule.quartz;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

/**
 * The keys each {@code opsbatch.schedules[n]} entry was written with, so a misspelt or unsupported key (such as
 * {@code auto-execute}) is refused instead of silently ignored by the binder.
 */
final class DeclaredScheduleKeys {

	private static final ConfigurationPropertyName SCHEDULES = ConfigurationPropertyName.of("opsbatch.schedules");

	private DeclaredScheduleKeys() {
	}

	static Map<Integer, Set<String>> of(Environment environment) {
		Map<Integer, Set<String>> keys = new TreeMap<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				iterable.stream().filter((name) -> SCHEDULES.isAncestorOf(name) && name.getNumberOfElements() >= 4
						&& name.isNumericIndex(2)).forEach((name) -> keys
					.computeIfAbsent(Integer.parseInt(name.getElement(2, Form.ORIGINAL)), (i) -> new TreeSet<>())
					.add(name.getElement(3, Form.DASHED)));
			}
		}
		return keys;
	}

}
