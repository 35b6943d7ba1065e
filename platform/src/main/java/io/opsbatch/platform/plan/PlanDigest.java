package io.opsbatch.platform.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import io.opsbatch.platform.change.Change;

/**
 * SHA-256 over the canonical JSON of {@code {"items": [...], "job": action, "parameters": {...}}}: keys sorted
 * at every level, no whitespace, numbers in plain notation. It is computed streaming, item by item, so a plan of
 * any size is digested in constant memory. The same plan always gives the same digest; any change to an item,
 * to their order, to the action or to a parameter gives another.
 */
public final class PlanDigest {

	private final MessageDigest sha256;

	private boolean firstItem = true;

	private PlanDigest() {
		try {
			this.sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
		update("{\"items\":[");
	}

	/** Start a digest; add items in plan order, then call {@link #finish}. */
	public static PlanDigest start() {
		return new PlanDigest();
	}

	/** Add the next item. */
	public PlanDigest add(Change change) {
		update(firstItem ? "" : ",");
		firstItem = false;
		update(CanonicalJson.write(CanonicalJson.item(change)));
		return this;
	}

	/** Close the document with the action and parameters and return the hex digest. */
	public String finish(String action, Map<String, Object> parameters) {
		update("],\"job\":");
		update(CanonicalJson.write(action));
		update(",\"parameters\":");
		update(CanonicalJson.write(parameters));
		update("}");
		return HexFormat.of().formatHex(sha256.digest());
	}

	private void update(String text) {
		sha256.update(text.getBytes(StandardCharsets.UTF_8));
	}

}
