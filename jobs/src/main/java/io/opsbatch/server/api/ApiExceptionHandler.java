package io.opsbatch.server.api;

import java.net.URI;

import io.opsbatch.platform.InvalidInputException;
import io.opsbatch.platform.OpsbatchException;
import io.opsbatch.platform.RefusedException;
import io.opsbatch.platform.cli.Secrets;
import io.opsbatch.platform.plan.PlanNotFoundException;
import io.opsbatch.platform.schedule.ScheduleNotFoundException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Operator errors as RFC 9457 problem details: unknown plan, run or schedule -> 404; bad input -> 400; refused by a
 * safety rule (including self-approval) -> 409; every body names the reason, secrets masked. 401 and 403 come from
 * Spring Security (who you are, and what your role allows), never from a safety rule.
 */
@RestControllerAdvice
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiExceptionHandler {

	@ExceptionHandler({ PlanNotFoundException.class, ScheduleNotFoundException.class, NotFoundException.class })
	ProblemDetail notFound(InvalidInputException ex) {
		return problem(HttpStatus.NOT_FOUND, "not-found", ex);
	}

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalid(InvalidInputException ex) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-input", ex);
	}

	@ExceptionHandler(RefusedException.class)
	ProblemDetail refused(RefusedException ex) {
		return problem(HttpStatus.CONFLICT, "refused", ex);
	}

	@ExceptionHandler(OpsbatchException.class)
	ProblemDetail failed(OpsbatchException ex) {
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "run-failed", ex);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail badArgument(MethodArgumentTypeMismatchException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"'" + ex.getName() + "' must be a " + ((ex.getRequiredType() == null) ? "value"
						: ex.getRequiredType().getSimpleName().toLowerCase(java.util.Locale.ROOT)) + ", not '"
						+ ex.getValue() + "'");
		problem.setType(URI.create("urn:opsbatch:problem:invalid-input"));
		return problem;
	}

	private static ProblemDetail problem(HttpStatus status, String type, OpsbatchException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, Secrets.mask(ex.getMessage()));
		problem.setType(URI.create("urn:opsbatch:problem:" + type));
		problem.setProperty("exitCode", ex.exitCode());
		return problem;
	}

}
