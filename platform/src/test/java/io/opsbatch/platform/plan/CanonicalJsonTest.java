package io.opsbatch.platform.plan;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalJsonTest {

	private static final String[] TEXTS = { "PENDING", "a b", "quote\"d", "back\\slash", "new\nline", "tab\t",
			"caf\u00e9", "\u2603", "", "2026-11-30T08:00:00", "x'; DROP TABLE orders; --" };

	@Test
	void the_fast_writer_gives_exactly_the_mappers_text() {
		Random random = new Random(7);
		for (int round = 0; round < 5_000; round++) {
			Map<String, Object> map = new LinkedHashMap<>();
			int size = random.nextInt(5);
			for (int i = 0; i < size; i++) {
				String key = (random.nextInt(10) == 0) ? TEXTS[random.nextInt(TEXTS.length)] : "col" + random.nextInt(20);
				map.put(key, value(random));
			}
			assertThat(CanonicalJson.write(map)).as("%s", map).isEqualTo(CanonicalJson.MAPPER.writeValueAsString(map));
			String text = TEXTS[random.nextInt(TEXTS.length)];
			assertThat(CanonicalJson.write(text)).isEqualTo(CanonicalJson.MAPPER.writeValueAsString(text));
		}
	}

	@Test
	void the_fast_writer_leaves_what_it_cannot_write_to_the_mapper() {
		assertThat(CanonicalJson.writeFlat(Map.of("nested", Map.of("a", 1L)))).isNull();
		assertThat(CanonicalJson.writeFlat(Map.of("d", 1.5d))).isNull();
		assertThat(CanonicalJson.writeFlat(Map.of("t", "caf\u00e9"))).isNull();
		assertThat(CanonicalJson.writeFlat(Map.of("b", 1L, "a", "x"))).isEqualTo("{\"a\":\"x\",\"b\":1}");
	}

	private static Object value(Random random) {
		return switch (random.nextInt(7)) {
			case 0 -> null;
			case 1 -> random.nextBoolean();
			case 2 -> random.nextLong();
			case 3 -> new BigDecimal(random.nextInt(100000)).movePointLeft(random.nextInt(5));
			case 4 -> random.nextInt();
			case 5 -> new BigDecimal("1E+3");
			default -> TEXTS[random.nextInt(TEXTS.length)];
		};
	}

}
