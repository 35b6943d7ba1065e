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
		return add(new StoredItem(0, change.store(), change.table(), CanonicalJson.write(change.key()),
				CanonicalJson.write(change.before()), CanonicalJson.write(change.after()),
				CanonicalJson.writeAbsent(change.absent())));
	}

	/**
	 * Add the next item from its stored canonical JSON, without parsing it: the same bytes {@link #add(Change)}
	 * digests for the same change. An item that requires no record to be absent has no {@code absent} member, so
	 * such plans digest as they did before the member existed.
	 */
	public PlanDigest add(StoredItem item) {
		update(firstItem ? "{" : ",{");
		firstItem = false;
		if (item.absentJson() != null) {
			update("\"absent\":");
			update(item.absentJson());
			update(",");
		}
		update("\"after\":");
		update(item.afterJson() == null ? "null" : item.afterJson());
		update(",\"before\":");
		update(item.beforeJson() == null ? "null" : item.beforeJson());
		update(",\"key\":");
		update(item.keyJson());
		update(",\"store\":");
		update(CanonicalJson.write(item.store()));
		update(",\"table\":");
		update(CanonicalJson.write(item.table()));
		update("}");
		return this;
	}

	/** The digest of a stored plan, streaming its items as stored. */
	public static String of(PlanRepository plans, Plan plan) {
		PlanDigest digest = start();
		plans.forEachStoredItem(plan.id(), digest::add);
		return digest.finish(plan.action(), plan.parameters());
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
