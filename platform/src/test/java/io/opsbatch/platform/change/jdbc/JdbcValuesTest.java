package io.opsbatch.platform.change.jdbc;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;

import io.opsbatch.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcValuesTest {

	private static final Column ID = new Column("id", Types.BIGINT, "BIGINT", 0, true);

	private static final Column TOTAL = new Column("total", Types.NUMERIC, "NUMERIC", 2, true);

	private static final Column UPDATED_AT = new Column("updated_at", Types.TIMESTAMP, "TIMESTAMP", 0, true);

	private static final Column DUE_ON = new Column("due_on", Types.DATE, "DATE", 0, true);

	private static final Column PAID = new Column("paid", Types.BOOLEAN, "BOOLEAN", 0, true);

	@Test
	void to_json_turns_integers_into_longs() {
		assertThat(JdbcValues.toJson(42)).isEqualTo(42L);
		assertThat(JdbcValues.toJson((short) 7)).isEqualTo(7L);
	}

	@Test
	void to_json_turns_a_timestamp_into_an_iso_local_date_time() {
		assertThat(JdbcValues.toJson(Timestamp.valueOf("2026-11-01 08:15:30"))).isEqualTo("2026-11-01T08:15:30");
	}

	@Test
	void to_json_turns_a_sql_date_into_an_iso_date() {
		assertThat(JdbcValues.toJson(java.sql.Date.valueOf("2026-11-01"))).isEqualTo("2026-11-01");
	}

	@Test
	void to_json_keeps_a_decimal_with_its_scale() {
		assertThat(JdbcValues.toJson(new BigDecimal("10.50"))).isEqualTo(new BigDecimal("10.50"))
			.hasToString("10.50");
	}

	@Test
	void to_json_refuses_binary_values() {
		assertThatThrownBy(() -> JdbcValues.toJson(new byte[] { 1, 2 })).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("cannot be planned");
	}

	@Test
	void to_jdbc_reads_a_bigint_from_text_or_a_number() {
		assertThat(JdbcValues.toJdbc("42", ID)).isEqualTo(42L);
		assertThat(JdbcValues.toJdbc(42L, ID)).isEqualTo(42L);
		assertThat(JdbcValues.toJdbc(42, ID)).isEqualTo(42L);
	}

	@Test
	void to_jdbc_pads_a_decimal_to_the_column_scale() {
		assertThat(JdbcValues.toJdbc("10.5", TOTAL)).isEqualTo(new BigDecimal("10.50")).hasToString("10.50");
	}

	@Test
	void to_jdbc_reads_a_timestamp_from_an_iso_string() {
		assertThat(JdbcValues.toJdbc("2026-11-01T08:00:00", UPDATED_AT)).isEqualTo(LocalDateTime.of(2026, 11, 1, 8, 0));
	}

	@Test
	void to_jdbc_reads_a_date_from_an_iso_string() {
		assertThat(JdbcValues.toJdbc("2026-11-01", DUE_ON)).isEqualTo(LocalDate.of(2026, 11, 1));
	}

	@Test
	void to_jdbc_reads_a_boolean_from_true_or_false() {
		assertThat(JdbcValues.toJdbc("true", PAID)).isEqualTo(Boolean.TRUE);
		assertThat(JdbcValues.toJdbc(false, PAID)).isEqualTo(Boolean.FALSE);
	}

	@Test
	void to_jdbc_keeps_null() {
		assertThat(JdbcValues.toJdbc(null, TOTAL)).isNull();
	}

	@Test
	void to_jdbc_refuses_text_in_a_bigint_column_naming_the_column() {
		assertRefused("abc", ID);
	}

	@Test
	void to_jdbc_refuses_a_fraction_in_a_bigint_column() {
		assertRefused("42.5", ID);
	}

	@Test
	void to_jdbc_refuses_an_impossible_date() {
		assertRefused("2026-13-01", DUE_ON);
	}

	@Test
	void to_jdbc_refuses_a_timestamp_that_is_not_iso() {
		assertRefused("01/11/2026 08:00", UPDATED_AT);
	}

	@Test
	void to_jdbc_refuses_a_boolean_other_than_true_or_false() {
		assertRefused("yes", PAID);
	}

	@Test
	void to_jdbc_refuses_a_decimal_that_needs_rounding_to_the_column_scale() {
		assertRefused("10.555", TOTAL);
	}

	@Test
	void normalize_gives_a_timestamp_literal_the_form_read_back_from_the_database() {
		Object normalized = JdbcValues.normalize("2026-11-01T08:00:00", UPDATED_AT);

		assertThat(normalized).isEqualTo(JdbcValues.toJson(LocalDateTime.of(2026, 11, 1, 8, 0)))
			.isEqualTo(JdbcValues.toJson(Timestamp.valueOf("2026-11-01 08:00:00")));
	}

	@Test
	void normalize_gives_a_decimal_literal_the_column_scale() {
		assertThat(JdbcValues.normalize("10.5", TOTAL)).hasToString("10.50");
	}

	private static void assertRefused(String value, Column column) {
		assertThatThrownBy(() -> JdbcValues.toJdbc(value, column)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("'" + value + "'")
			.hasMessageContaining("column " + column.name());
	}

}
