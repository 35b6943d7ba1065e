package io.opsbatch.jobs.demo;

import java.time.Clock;

import io.opsbatch.platform.change.jdbc.JdbcTargetStores;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The demo data, created in the demo store on first use when {@code opsbatch.demo.enabled} is true. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "opsbatch.demo.enabled", havingValue = "true")
public class DemoConfiguration {

	@Bean
	DemoData demoData(JdbcTargetStores stores, @Value("${opsbatch.demo.store:app}") String store, Clock clock) {
		DemoData demo = new DemoData(stores.get(store).dataSource(), clock);
		demo.ensure();
		return demo;
	}

}
