package io.opsbatch.platform.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

	@Test
	void mask_hides_the_password_of_url_user_info() {
		String masked = Secrets.mask("postgresql://ops:s3cret@db.internal:5432/app");

		assertThat(masked).isEqualTo("postgresql://***@db.internal:5432/app").doesNotContain("s3cret");
	}

	@Test
	void mask_hides_a_password_query_parameter_and_keeps_the_rest() {
		String masked = Secrets.mask("jdbc:postgresql://h/db?user=a&password=s3cret&ssl=true");

		assertThat(masked).isEqualTo("jdbc:postgresql://h/db?user=a&password=***&ssl=true");
	}

	@Test
	void mask_hides_pwd_and_token_parameters_in_any_case() {
		String masked = Secrets.mask("jdbc:sqlserver://h;PWD=hunter2;database=app token=abc123");

		assertThat(masked).doesNotContain("hunter2").doesNotContain("abc123").contains("database=app");
	}

	@Test
	void mask_hides_authorization_header_values() {
		String masked = Secrets.mask("401 for Authorization: Bearer abcDEF123456._-xyz (and Basic YWxpY2U6c2VjcmV0)");

		assertThat(masked).isEqualTo("401 for Authorization: Bearer *** (and Basic ***)");
	}

	@Test
	void mask_hides_github_tokens_and_aws_access_key_ids_anywhere() {
		String masked = Secrets.mask("token ghp_0123456789abcdefghijABCDEFGHIJ0123 leaked, also "
				+ "github_pat_11ABCDEFG0123456789_abcdefghij and AKIAIOSFODNN7EXAMPLE");

		assertThat(masked).doesNotContain("ghp_0123").doesNotContain("github_pat_11").doesNotContain("AKIAIOSF");
	}

	@Test
	void mask_leaves_ordinary_text_alone() {
		String text = "plan 42 approved by bob: 3 items in app.orders (jdbc:h2:mem:app); Basic authentication failed";

		assertThat(Secrets.mask(text)).isEqualTo(text);
	}

	@Test
	void mask_of_null_is_null() {
		assertThat(Secrets.mask(null)).isNull();
	}

}
