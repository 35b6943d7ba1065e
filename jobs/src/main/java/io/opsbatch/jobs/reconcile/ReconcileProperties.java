package io.opsbatch.jobs.reconcile;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of reconciliations, under {@code opsbatch.reconcile.*}.
 *
 * @param directory the folder of the definition files
 * @param bisectAbove across stores, compare by checksum bisection when the derived table has more rows than this;
 * streamed otherwise
 * @param bisectionFactor the most segments one checksum query splits a key range into
 * @param bisectionThreshold differing segments with at most this many rows per side are fetched and merged
 * @param fetchSize rows per round trip when streaming a side
 */
@ConfigurationProperties("opsbatch.reconcile")
public record ReconcileProperties(@DefaultValue(DEFAULT_DIRECTORY) Path directory,
		@DefaultValue(DEFAULT_BISECT_ABOVE) long bisectAbove,
		@DefaultValue(DEFAULT_BISECTION_FACTOR) int bisectionFactor,
		@DefaultValue(DEFAULT_BISECTION_THRESHOLD) int bisectionThreshold,
		@DefaultValue(DEFAULT_FETCH_SIZE) int fetchSize) {

	/** Definitions in {@code ./config/reconciliations}. */
	public static final String DEFAULT_DIRECTORY = "config/reconciliations";

	/** Bisect above 100,000 derived rows. */
	public static final String DEFAULT_BISECT_ABOVE = "100000";

	/** Up to 4,096 segments per checksum query. */
	public static final String DEFAULT_BISECTION_FACTOR = "4096";

	/** Fetch differing segments of up to 256 rows. */
	public static final String DEFAULT_BISECTION_THRESHOLD = "256";

	/** 10,000 rows per round trip. */
	public static final String DEFAULT_FETCH_SIZE = "10000";

}
