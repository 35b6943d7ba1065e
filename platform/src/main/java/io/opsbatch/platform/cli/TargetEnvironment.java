package io.opsbatch.platform.cli;

import java.util.List;
import java.util.Locale;

/**
 * What every command prints first (the runbook's step 1): which environment, which profiles, which database.
 *
 * @param name the environment name
 * @param profiles the active Spring profiles
 * @param database the platform database, credentials masked
 * @param selfApprovalAllowed whether a requester may approve their own plan here
 */
public record TargetEnvironment(String name, List<String> profiles, String database, boolean selfApprovalAllowed) {

	/** Whether this environment is protected: named {@code prod}, or running with a {@code prod} profile. */
	public static boolean isProtected(String name, List<String> profiles) {
		return "prod".equals(name.toLowerCase(Locale.ROOT))
				|| profiles.stream().anyMatch((p) -> "prod".equals(p.toLowerCase(Locale.ROOT)));
	}

	/** The one-line description. */
	public String describe() {
		return "environment: " + name + " | profiles: " + (profiles.isEmpty() ? "default" : String.join(",", profiles))
				+ " | database: " + database + " | self-approval: " + (selfApprovalAllowed ? "allowed" : "refused");
	}

}
