package io.opsbatch.platform.findings;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprintTest {

	@Test
	void the_fingerprint_is_rule_store_and_table_with_a_stable_short_label_and_a_hidden_marker() {
		Fingerprint fingerprint = Fingerprint.of("orders-without-customer", "app", "orders");

		assertThat(fingerprint.value()).isEqualTo("orders-without-customer@app.orders");
		assertThat(fingerprint.label()).matches("opsbatch-[0-9a-f]{12}").hasSizeLessThanOrEqualTo(50)
			.isEqualTo(Fingerprint.of("orders-without-customer", "app", "orders").label())
			.isNotEqualTo(Fingerprint.of("orders-without-customer", "archive", "orders").label());
		assertThat(fingerprint.marker()).isEqualTo("<!-- opsbatch-fingerprint: orders-without-customer@app.orders -->");
	}

}
