package io.opsbatch.jobs.fix;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import io.opsbatch.platform.change.jdbc.JdbcValues;

/**
 * The types a fix parameter can have. Every value is parsed strictly and bound as a typed parameter, never spliced
 * into SQL. Timestamps without a zone are UTC.
 */
public enum ParameterType {

	/** Any text, optionally checked against the parameter's {@code pattern}. */
	STRING,

	/** A 64-bit integer (the name {@code int} is accepted too). */
	LONG,

	/** A decimal number. */
	DECIMAL,

	/** {@code true} or {@code false}. */
	BOOLEAN,

	/** An ISO-8601 date, {@code 2026-11-30}. */
	DATE,

	/** An ISO-8601 local date-time in UTC, {@code 2026-11-30T08:00:00}. */
	TIMESTAMP,

	/**
	 * An age, ISO-8601 ({@code P14D}, {@code PT6H}) or short ({@code 14d}, {@code 6h}, {@code 30m}); bound as the
	 * timestamp that lies that far before the dry-run started, and recorded so in the plan.
	 */
	AGE;

	/** The type named in a fix file. */
	public static ParameterType ofName(String name) {
		String normalized = name.toUpperCase(Locale.ROOT);
		if (normalized.equals("INT") || normalized.equals("INTEGER")) {
			return LONG;
		}
		return ParameterType.valueOf(normalized);
	}

	/**
	 * Parse a raw value into its resolved, JSON-friendly form.
	 * @throws IllegalArgumentException with a message for the operator when the value does not parse
	 */
	public Object resolve(String raw, Instant now) {
		String text = raw.trim();
		try {
			return switch (this) {
				case STRING -> raw;
				case LONG -> Long.parseLong(text);
				case DECIMAL -> new BigDecimal(text);
				case BOOLEAN -> parseBoolean(text);
				case DATE -> LocalDate.parse(text).toString();
				case TIMESTAMP -> JdbcValues.toJson(LocalDateTime.parse(text));
				case AGE -> JdbcValues.toJson(LocalDateTime.ofInstant(now.minus(parseAge(text)), ZoneOffset.UTC).withNano(0));
			};
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			throw new IllegalArgumentException("must be " + describe() + ", got '" + raw + "'");
		}
	}

	/** The JDBC value for a resolved value. */
	public Object bind(Object resolved) {
		if (resolved == null) {
			return null;
		}
		return switch (this) {
			case DATE -> LocalDate.parse(resolved.toString());
			case TIMESTAMP, AGE -> LocalDateTime.parse(resolved.toString());
			case LONG -> ((Number) resolved).longValue();
			case DECIMAL -> new BigDecimal(resolved.toString());
			default -> resolved;
		};
	}

	/** How a value of this type is written, for error messages. */
	public String describe() {
		return switch (this) {
			case STRING -> "text";
			case LONG -> "an integer";
			case DECIMAL -> "a decimal number";
			case BOOLEAN -> "true or false";
			case DATE -> "a date like 2026-11-30";
			case TIMESTAMP -> "a timestamp like 2026-11-30T08:00:00";
			case AGE -> "an age like 14d, 6h or P14D";
		};
	}

	private static Boolean parseBoolean(String text) {
		if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
			return Boolean.valueOf(text);
		}
		throw new NumberFormatException(text);
	}

	private static Duration parseAge(String text) {
		var shorthand = java.util.regex.Pattern.compile("(\\d{1,6})([dhm])").matcher(text);
		if (shorthand.matches()) {
			long amount = Long.parseLong(shorthand.group(1));
			return switch (shorthand.group(2)) {
				case "d" -> Duration.ofDays(amount);
				case "h" -> Duration.ofHours(amount);
				default -> Duration.ofMinutes(amount);
			};
		}
		String upper = text.toUpperCase(Locale.ROOT);
		if (upper.startsWith("P") && !upper.contains("T")) {
			Period period = Period.parse(upper);
			if (period.getYears() != 0 || period.getMonths() != 0 || period.isNegative()) {
				throw new NumberFormatException(text);
			}
			return Duration.ofDays(period.getDays());
		}
		Duration duration = Duration.parse(upper);
		if (duration.isNegative()) {
			throw new NumberFormatException(text);
		}
		return duration;
	}

}
