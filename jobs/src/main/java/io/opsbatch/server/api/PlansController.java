package io.opsbatch.server.api;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opsbatch.cli.Launcher;
import io.opsbatch.cli.PlanRuns;
import io.opsbatch.platform.OpsbatchException;
import io.opsbatch.platform.approval.ApprovalService;
import io.opsbatch.platform.audit.AuditRepository;
import io.opsbatch.platform.change.Outcome;
import io.opsbatch.platform.plan.Plan;
import io.opsbatch.platform.plan.PlanItem;
import io.opsbatch.platform.plan.PlanRepository;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Plans: list, show with items, approve, reject and execute. Approve and reject go through {@link ApprovalService}
 * (four eyes), execute through {@link PlanRuns#executable} and {@link PlanRuns#launchExecute}: the same rules and the
 * same execute job as the CLI. The approver and executor are the authenticated user.
 */
@RestController
@RequestMapping("/api/plans")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PlansController {

	/** The request body of approve and reject. */
	record Decision(String comment) {
	}

	private final PlanRepository plans;

	private final ApprovalService approvals;

	private final PlanRuns planRuns;

	private final Launcher launcher;

	private final AuditRepository audit;

	PlansController(PlanRepository plans, ApprovalService approvals, PlanRuns planRuns, Launcher launcher,
			AuditRepository audit) {
		this.plans = plans;
		this.approvals = approvals;
		this.planRuns = planRuns;
		this.launcher = launcher;
		this.audit = audit;
	}

	@GetMapping
	List<Plan> list(@RequestParam(defaultValue = "20") int limit) {
		return plans.recent(RunsController.limit(limit));
	}

	@GetMapping("/{id}")
	Map<String, Object> show(@PathVariable String id, @RequestParam(defaultValue = "50") int items) {
		Plan plan = plans.get(id);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("plan", plan);
		json.put("items", plans.items(id, RunsController.limit(items)).stream().map(PlansController::item).toList());
		return json;
	}

	@PostMapping("/{id}/approve")
	Plan approve(@PathVariable String id, @RequestBody(required = false) Decision decision, Principal user) {
		return approvals.approve(id, user.getName(), (decision == null) ? null : decision.comment());
	}

	@PostMapping("/{id}/reject")
	Plan reject(@PathVariable String id, @RequestBody(required = false) Decision decision, Principal user) {
		return approvals.reject(id, user.getName(), (decision == null) ? null : decision.comment());
	}

	@PostMapping("/{id}/execute")
	Map<String, Object> execute(@PathVariable String id, Principal user) {
		Plan plan = planRuns.executable(id, null);
		JobExecution execution = planRuns.launchExecute(plan, user.getName());
		OpsbatchException failure = launcher.failure(execution);
		if (failure != null && !(failure instanceof io.opsbatch.cli.RunFailedException)) {
			throw failure;
		}
		Map<String, Object> json = RunViews.detail(execution);
		Map<Outcome, Long> counts = audit.countByOutcome(execution.getId());
		Map<String, Long> outcomes = new LinkedHashMap<>();
		counts.forEach((outcome, count) -> outcomes.put(outcome.label(), count));
		json.put("outcomes", outcomes);
		return json;
	}

	private static Map<String, Object> item(PlanItem item) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("seq", item.seq());
		json.put("change", item.change());
		return json;
	}

}
