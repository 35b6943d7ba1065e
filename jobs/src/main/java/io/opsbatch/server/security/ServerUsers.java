package io.opsbatch.server.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.opsbatch.platform.InvalidInputException;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Turns configured users into Spring Security users: checks every password is a hash with a strong encoder id
 * ({@code {bcrypt}}, {@code {argon2}}, {@code {pbkdf2}}, {@code {scrypt}}) and every role is known, and expands roles
 * ({@code admin} -> all, any role -> {@code viewer}).
 */
final class ServerUsers {

	private static final List<String> HASHES = List.of("{bcrypt}", "{argon2}", "{argon2@SpringSecurity_v5_8}",
			"{pbkdf2}", "{pbkdf2@SpringSecurity_v5_8}", "{scrypt}", "{scrypt@SpringSecurity_v5_8}");

	private ServerUsers() {
	}

	static List<UserDetails> of(ServerUsersProperties properties) {
		List<UserDetails> users = new ArrayList<>();
		Set<String> names = new LinkedHashSet<>();
		for (ServerUsersProperties.User user : properties.users()) {
			if (user.name() == null || !user.name().matches("[\\p{L}\\p{N}._@+-]{1,200}")) {
				throw new InvalidInputException("opsbatch.server.users: invalid user name '" + user.name() + "'");
			}
			if (!names.add(user.name())) {
				throw new InvalidInputException("opsbatch.server.users: user '" + user.name() + "' is declared twice");
			}
			if (user.password() == null || HASHES.stream().noneMatch(user.password()::startsWith)) {
				throw new InvalidInputException("opsbatch.server.users: the password of '" + user.name()
						+ "' must be a hash such as {bcrypt}$2a$10$..., never plain text");
			}
			users.add(User.withUsername(user.name()).password(user.password())
				.roles(roles(user).toArray(String[]::new)).build());
		}
		return users;
	}

	static Set<String> roles(ServerUsersProperties.User user) {
		Set<String> roles = new LinkedHashSet<>();
		for (String role : user.roles()) {
			if (!ServerUsersProperties.ROLES.contains(role)) {
				throw new InvalidInputException("opsbatch.server.users: user '" + user.name() + "' has unknown role '"
						+ role + "' (known: admin, approver, executor, operator, viewer)");
			}
			roles.add(role);
		}
		if (roles.contains("admin")) {
			roles.addAll(ServerUsersProperties.ROLES);
		}
		if (!roles.isEmpty()) {
			roles.add("viewer");
		}
		return roles;
	}

}
