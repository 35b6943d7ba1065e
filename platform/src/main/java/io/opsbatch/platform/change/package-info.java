/**
 * Changes and the stores they apply to. A {@link io.opsbatch.platform.change.Change} holds JSON-friendly values only,
 * so a DynamoDB table (conditional writes) can sit behind {@link io.opsbatch.platform.change.TargetStore} as a JDBC
 * database does today. {@link io.opsbatch.platform.change.CasDecision} is the compare-and-set rule.
 */
package io.opsbatch.platform.change;
