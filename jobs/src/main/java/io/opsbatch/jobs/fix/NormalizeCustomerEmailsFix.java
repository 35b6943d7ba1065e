package io.opsbatch.jobs.fix;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * A fix a file cannot express, because each after-value is computed from the record: customer e-mail addresses with
 * stray spaces or capitals are trimmed and lower-cased. The computed values are stored literally in the plan.
 */
@Component
public class NormalizeCustomerEmailsFix implements DataFix {

	private static final FixDefinition DEFINITION = new FixDefinition("normalize-customer-emails",
			"Trim and lower-case customer e-mail addresses so that sends and look-ups match", "OPS-2107", "app",
			"customers", List.of("id"), FixAction.UPDATE, "email <> LOWER(TRIM(email))", Map.of(),
			Map.of("email", "computed: lower(trim(email))"), null);

	@Override
	public FixDefinition definition() {
		return DEFINITION;
	}

	@Override
	public Map<String, Object> after(Map<String, Object> current, Map<String, Object> parameters) {
		Object email = current.get("email");
		return (email == null) ? null : Map.of("email", email.toString().trim().toLowerCase(Locale.ROOT));
	}

}
