package io.opsbatch.server.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. HTTP Basic for API clients; form login with a session for browsers. Roles: {@code viewer}
 * reads, {@code operator} launches dry-runs and scans and triggers schedules, {@code approver} approves and rejects,
 * {@code executor} executes approved plans, {@code admin} all of it. Nothing but the health summary is public.
 * <p>
 * CSRF ({@code csrf.spa()}): browser sessions need the token (cookie {@code XSRF-TOKEN}, sent back as header
 * {@code X-XSRF-TOKEN} with the cookie's value, or the login form's hidden {@code _csrf} field);
 * requests carrying their own {@code Authorization: Basic} header are exempt, because a browser only adds that
 * header by itself after a Basic challenge, and this API never sends one (its 401 is a problem detail with no
 * {@code WWW-Authenticate: Basic}), so a cross-site page cannot make a browser send credentials it does not have.
 * Requests with no session and no credentials are exempt too (nothing ambient to forge; they get a 401), except the
 * login form itself.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ServerUsersProperties.class)
class SecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	InMemoryUserDetailsManager users(ServerUsersProperties properties) {
		return new InMemoryUserDetailsManager(ServerUsers.of(properties));
	}

	@Bean
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		RequestMatcher noAmbientCredentials = (request) -> {
			String header = request.getHeader("Authorization");
			if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
				return true;
			}
			return request.getRequestedSessionId() == null && !"/login".equals(request.getServletPath());
		};
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers(EndpointRequest.to("health")).permitAll()
			.requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole("viewer")
			.requestMatchers(HttpMethod.GET, "/api/**").hasRole("viewer")
			.requestMatchers(HttpMethod.POST, "/api/operations/*/launch", "/api/schedules/*/trigger").hasRole("operator")
			.requestMatchers(HttpMethod.POST, "/api/plans/*/approve", "/api/plans/*/reject").hasRole("approver")
			.requestMatchers(HttpMethod.POST, "/api/plans/*/execute").hasRole("executor")
			.requestMatchers(HttpMethod.POST, "/api/runs/*/stop", "/api/runs/*/restart", "/api/runs/*/recover")
			.hasAnyRole("operator", "executor")
			.requestMatchers("/login", "/logout", "/error").permitAll()
			.anyRequest().denyAll())
			.httpBasic((basic) -> basic.authenticationEntryPoint(SecurityConfiguration::unauthorized))
			.formLogin(Customizer.withDefaults())
			.exceptionHandling((exceptions) -> exceptions
				.defaultAuthenticationEntryPointFor(SecurityConfiguration::unauthorized, (request) -> true)
				.accessDeniedHandler((request, response, denied) -> problem(response, 403, "forbidden",
						(denied instanceof org.springframework.security.web.csrf.CsrfException)
								? "missing or invalid CSRF token: a browser session sends the XSRF-TOKEN cookie's value "
										+ "as header X-XSRF-TOKEN"
								: "your role does not allow " + request.getMethod() + " " + request.getRequestURI())))
			.csrf((csrf) -> csrf.spa().ignoringRequestMatchers(noAmbientCredentials))
			.addFilterAfter(SecurityConfiguration::renderCsrfCookie, BasicAuthenticationFilter.class);
		return http.build();
	}

	/**
	 * The token is deferred, and logging in replaces it: load it on every request of a browser session so the
	 * {@code XSRF-TOKEN} cookie is always there for the page's script to send back.
	 */
	private static void renderCsrfCookie(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (request instanceof HttpServletRequest http && http.getSession(false) != null
				&& request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
			token.getToken();
		}
		chain.doFilter(request, response);
	}

	private static void unauthorized(HttpServletRequest request, HttpServletResponse response,
			org.springframework.security.core.AuthenticationException failure) throws IOException {
		problem(response, 401, "unauthorized",
				"authentication required: send HTTP Basic credentials (curl -u user:password) or log in at /login");
	}

	private static void problem(HttpServletResponse response, int status, String type, String detail)
			throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		String title = (status == 401) ? "Unauthorized" : "Forbidden";
		response.getWriter().write("{\"type\":\"urn:opsbatch:problem:" + type + "\",\"title\":\"" + title
				+ "\",\"status\":" + status + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"")
				+ "\"}");
	}

}
