package io.opsbatch.platform.change;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChangeTest {

	private static final Map<String, Object> KEY = Map.of("id", 1L);

	private static final Map<String, Object> ROW = Map.of("id", 1L, "status", "CANCELLED");

	@Test
	void inverse_of_an_update_swaps_before_and_after() {
		Change update = new Change("app", "orders", KEY, Map.of("status", "PROCESSING"), Map.of("status", "PENDING"));

		Change inverse = update.inverse();

		assertThat(inverse.kind()).isEqualTo(ChangeKind.UPDATE);
		assertThat(inverse.before()).isEqualTo(Map.of("status", "PENDING"));
		assertThat(inverse.after()).isEqualTo(Map.of("status", "PROCESSING"));
		assertThat(inverse.key()).isEqualTo(KEY);
		assertThat(inverse.store()).isEqualTo("app");
		assertThat(inverse.table()).isEqualTo("orders");
	}

	@Test
	void inverse_of_an_insert_is_a_delete_of_the_inserted_values() {
		Change inverse = new Change("app", "orders", KEY, null, ROW).inverse();

		assertThat(inverse.kind()).isEqualTo(ChangeKind.DELETE);
		assertThat(inverse.before()).isEqualTo(ROW);
		assertThat(inverse.after()).isNull();
	}

	@Test
	void inverse_of_a_delete_is_an_insert_of_the_deleted_values() {
		Change inverse = new Change("app", "orders", KEY, ROW, null).inverse();

		assertThat(inverse.kind()).isEqualTo(ChangeKind.INSERT);
		assertThat(inverse.before()).isNull();
		assertThat(inverse.after()).isEqualTo(ROW);
	}

	@Test
	void change_without_before_and_after_is_refused() {
		assertThatThrownBy(() -> new Change("app", "orders", KEY, null, null))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
