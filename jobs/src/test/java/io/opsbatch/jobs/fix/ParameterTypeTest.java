package io.opsbatch.jobs.fix;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParameterTypeTest {

	private static final Instant NOW = Instant.parse("2026-11-30T08:15:30.123Z");

	@Test
	void long_parses_an_integer() {
		assertThat(ParameterType.LONG.resolve("42", NOW)).isEqualTo(42L);
		assertThat(ParameterType.LONG.resolve(" -7 ", NOW)).isEqualTo(-7L);
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "1 OR 1=1", "4.2", "", "42; DROP TABLE orders" })
	void long_refuses_anything_but_an_integer(String raw) {
		assertRefused(ParameterType.LONG, raw, "must be an integer");
	}

	@Test
	void decimal_keeps_the_written_scale() {
		assertThat(ParameterType.DECIMAL.resolve("10.50", NOW)).isEqualTo(new BigDecimal("10.50"));
	}

	@ParameterizedTest
	@CsvSource({ "14d, 2026-11-16T08:15:30", "6h, 2026-11-30T02:15:30", "30m, 2026-11-30T07:45:30",
			"P14D, 2026-11-16T08:15:30", "PT6H, 2026-11-30T02:15:30", "p1dt6h, 2026-11-29T02:15:30" })
	void age_resolves_to_the_utc_timestamp_that_far_before_now(String age, String expected) {
		Object resolved = ParameterType.AGE.resolve(age, NOW);

		assertThat(resolved).isInstanceOf(String.class);
		assertThat(LocalDateTime.parse((String) resolved)).isEqualTo(LocalDateTime.parse(expected));
	}

	@ParameterizedTest
	@ValueSource(strings = { "-14d", "P-14D", "-PT6H", "PT-6H", "14 days", "14w", "P1M", "P1Y", "yesterday", "" })
	void age_refuses_negative_or_unreadable_ages(String raw) {
		assertRefused(ParameterType.AGE, raw, "must be an age");
	}

	@Test
	void date_accepts_an_iso_date() {
		assertThat(ParameterType.DATE.resolve("2026-11-30", NOW)).isEqualTo("2026-11-30");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-02-30", "2026-13-01", "30/11/2026", "2026-11-30T08:00:00", "20261130" })
	void date_refuses_anything_but_a_valid_iso_date(String raw) {
		assertRefused(ParameterType.DATE, raw, "must be a date");
	}

	@Test
	void timestamp_accepts_an_iso_local_date_time() {
		Object resolved = ParameterType.TIMESTAMP.resolve("2026-11-30T08:15:30", NOW);

		assertThat(resolved).isEqualTo("2026-11-30T08:15:30");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-11-30 08:15:30", "2026-11-30", "2026-11-30T25:00:00", "2026-11-30T08:15:30Z" })
	void timestamp_refuses_anything_but_an_iso_local_date_time(String raw) {
		assertRefused(ParameterType.TIMESTAMP, raw, "must be a timestamp");
	}

	@Test
	void boolean_accepts_true_and_false() {
		assertThat(ParameterType.BOOLEAN.resolve("true", NOW)).isEqualTo(Boolean.TRUE);
		assertThat(ParameterType.BOOLEAN.resolve("false", NOW)).isEqualTo(Boolean.FALSE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "yes", "1", "on", "" })
	void boolean_refuses_anything_but_true_or_false(String raw) {
		assertRefused(ParameterType.BOOLEAN, raw, "must be true or false");
	}

	@Test
	void type_names_int_and_integer_mean_long() {
		assertThat(ParameterType.ofName("int")).isEqualTo(ParameterType.LONG);
		assertThat(ParameterType.ofName("Integer")).isEqualTo(ParameterType.LONG);
		assertThat(ParameterType.ofName("age")).isEqualTo(ParameterType.AGE);
	}

	@Test
	void unknown_type_name_is_refused() {
		assertThatThrownBy(() -> ParameterType.ofName("money")).isInstanceOf(IllegalArgumentException.class);
	}

	private static void assertRefused(ParameterType type, String raw, String expectation) {
		assertThatThrownBy(() -> type.resolve(raw, NOW)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining(expectation)
			.hasMessageContaining("got '" + raw + "'");
	}

}
