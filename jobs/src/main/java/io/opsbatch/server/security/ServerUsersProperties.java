package io.opsbatch.server.security;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The users of the REST API, under {@code opsbatch.server.users}.
 *
 * @param users the users; none means every API call is refused (401)
 */
@ConfigurationProperties("opsbatch.server")
public record ServerUsersProperties(List<User> users) {

	/** The roles a user can have; {@code admin} implies every other, every role implies {@code viewer}. */
	public static final Set<String> ROLES = Set.of("viewer", "operator", "approver", "executor", "admin");

	public ServerUsersProperties {
		users = (users == null) ? List.of() : List.copyOf(users);
	}

	/**
	 * One user.
	 *
	 * @param name the user name: what the audit records as requester, approver or executor
	 * @param password the password hash with its encoder id, e.g. {@code {bcrypt}$2a$10$...}; plain text is refused
	 * @param roles some of viewer, operator, approver, executor, admin
	 */
	public record User(String name, String password, List<String> roles) {

		public User {
			roles = (roles == null) ? List.of() : List.copyOf(roles);
		}

	}

}
