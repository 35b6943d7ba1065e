package io.opsbatch.server.api;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import io.opsbatch.platform.launch.Operations;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Launch an operation (a dry-run or a read-only scan) by name, as the CLI and the scheduler do; the run's executor is
 * the authenticated user. Synchronous: the answer is the finished run.
 */
@RestController
@RequestMapping("/api/operations")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class OperationsController {

	/** The request body of a launch. */
	record LaunchRequest(Map<String, String> parameters) {
	}

	private final Operations operations;

	OperationsController(Operations operations) {
		this.operations = operations;
	}

	@GetMapping
	List<Map<String, String>> list() {
		return operations.names().stream()
			.map((name) -> Map.of("name", name, "description", operations.get(name).description()))
			.toList();
	}

	@PostMapping("/{name}/launch")
	Map<String, Object> launch(@PathVariable String name, @RequestBody(required = false) LaunchRequest request,
			Principal user) {
		Map<String, String> parameters = (request == null || request.parameters() == null) ? Map.of()
				: request.parameters();
		JobExecution execution = operations.get(name).launch(parameters, user.getName());
		return RunViews.detail(execution);
	}

}
