package io.opsbatch.platform.change.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Clob;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import io.opsbatch.platform.InvalidInputException;

/**
 * Converts between JDBC values and the JSON-friendly values of plans: integers become longs, decimals
 * {@link BigDecimal}, dates and timestamps ISO-8601 strings (seconds always written, fractions only when
 * non-zero, offsets as UTC). Converting a value to JDBC and back gives its
 * canonical form, so a literal from a definition compares equal to the value read from the database.
 */
public final class JdbcValues {

	private JdbcValues() {
	}

	/** The JSON-friendly form of a value read from JDBC. */
	public static Object toJson(Object value) {
		if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
				|| value instanceof BigDecimal || value instanceof Double) {
			return value;
		}
		if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
			return ((Number) value).longValue();
		}
		if (value instanceof BigInteger big) {
			return new BigDecimal(big);
		}
		if (value instanceof Float f) {
			return f.doubleValue();
		}
		if (value instanceof Timestamp ts) {
			return toJson(ts.toLocalDateTime());
		}
		if (value instanceof java.sql.Date date) {
			return date.toLocalDate().toString();
		}
		if (value instanceof java.sql.Time time) {
			return toJson(time.toLocalTime());
		}
		if (value instanceof LocalDateTime ldt) {
			return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(ldt);
		}
		if (value instanceof LocalTime lt) {
			return DateTimeFormatter.ISO_LOCAL_TIME.format(lt);
		}
		if (value instanceof LocalDate || value instanceof UUID) {
			return value.toString();
		}
		if (value instanceof OffsetDateTime odt) {
			return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(odt.withOffsetSameInstant(ZoneOffset.UTC));
		}
		if (value instanceof Instant instant) {
			return toJson(instant.atOffset(ZoneOffset.UTC));
		}
		if (value instanceof Clob clob) {
			try {
				return clob.getSubString(1, (int) clob.length());
			}
			catch (SQLException ex) {
				throw new IllegalStateException("cannot read a CLOB value", ex);
			}
		}
		throw new InvalidInputException("values of type " + value.getClass().getSimpleName()
				+ " cannot be planned (binary and structured columns are not supported)");
	}

	/**
	 * The JDBC value to bind for a JSON value in a column.
	 * @throws InvalidInputException when the value does not fit the column's type
	 */
	public static Object toJdbc(Object value, Column column) {
		if (value == null) {
			return null;
		}
		String text = value.toString();
		try {
			return switch (column.sqlType()) {
				case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> asLong(value, text);
				case Types.NUMERIC, Types.DECIMAL -> asDecimal(text, column.scale());
				case Types.DOUBLE, Types.FLOAT, Types.REAL -> Double.valueOf(text);
				case Types.BOOLEAN, Types.BIT -> asBoolean(value, text);
				case Types.DATE -> LocalDate.parse(text);
				case Types.TIMESTAMP -> LocalDateTime.parse(text);
				case Types.TIMESTAMP_WITH_TIMEZONE -> OffsetDateTime.parse(text);
				case Types.TIME -> LocalTime.parse(text);
				default -> text;
			};
		}
		catch (NumberFormatException | DateTimeParseException | ArithmeticException ex) {
			throw new InvalidInputException("value '" + text + "' does not fit column " + column.name() + " ("
					+ column.typeName() + ")");
		}
	}

	/** The canonical JSON form of a value destined for a column. */
	public static Object normalize(Object value, Column column) {
		Object jdbc = toJdbc(value, column);
		if (jdbc instanceof LocalDateTime || jdbc instanceof LocalDate || jdbc instanceof LocalTime
				|| jdbc instanceof OffsetDateTime) {
			return toJson(jdbc);
		}
		return jdbc;
	}

	private static Long asLong(Object value, String text) {
		if (value instanceof Number number && !(value instanceof BigDecimal) && !(value instanceof Double)) {
			return number.longValue();
		}
		return new BigDecimal(text).longValueExact();
	}

	private static BigDecimal asDecimal(String text, int scale) {
		BigDecimal decimal = new BigDecimal(text);
		// Pad to the column's scale; a value that would need rounding is refused (the database would round silently
		// and the plan's after-value would no longer be what is stored).
		return (scale > 0) ? decimal.setScale(scale, RoundingMode.UNNECESSARY) : decimal;
	}

	private static Boolean asBoolean(Object value, String text) {
		if (value instanceof Boolean bool) {
			return bool;
		}
		if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
			return Boolean.valueOf(text);
		}
		throw new NumberFormatException(text);
	}

}
