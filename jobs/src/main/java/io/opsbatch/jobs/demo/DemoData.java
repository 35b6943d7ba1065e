package io.opsbatch.jobs.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import javax.sql.DataSource;

import io.opsbatch.platform.InvalidInputException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The demo application's data, generated from a fixed seed: 120 customers (6 with badly formatted e-mails), 407
 * orders (12 stuck in PROCESSING for weeks, 4 recently PROCESSING, 7 whose customer is gone), their items (3 whose
 * order is gone), 120 accounts with ledger entries (5 balances wrong), 40 products and 120 e-mail recipients.
 */
public class DemoData {

	/** Tables in creation order. */
	public static final List<String> TABLES = List.of("customers", "orders", "order_items", "accounts",
			"ledger_entries", "products", "email_recipients");

	/** Orders stuck in PROCESSING for more than two weeks. */
	public static final int STUCK_ORDERS = 12;

	/** Accounts whose balance differs from the sum of their ledger entries. */
	public static final Set<Long> WRONG_BALANCES = Set.of(7L, 23L, 42L, 77L, 101L);

	private static final int CUSTOMERS = 120;

	private static final int ORDERS = 400;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	public DemoData(DataSource dataSource, Clock clock) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.clock = clock;
	}

	/** Whether the demo tables exist. */
	public boolean exists() {
		// asked of the metadata, not by a failing query, which H2 would log to its trace file on every first use
		return Boolean.TRUE.equals(jdbc.execute((Connection connection) -> {
			DatabaseMetaData metadata = connection.getMetaData();
			for (String name : new String[] { "customers", "CUSTOMERS" }) {
				try (ResultSet tables = metadata.getTables(connection.getCatalog(), connection.getSchema(), name,
						new String[] { "TABLE", "BASE TABLE" })) {
					if (tables.next()) {
						return true;
					}
				}
			}
			return false;
		}));
	}

	/** Create the demo tables and data unless they exist. */
	public void ensure() {
		if (!exists()) {
			create();
		}
	}

	/** Drop and recreate the demo tables and data. Plans, runs and audit records are kept. */
	public void reset() {
		for (int i = TABLES.size() - 1; i >= 0; i--) {
			jdbc.execute("DROP TABLE IF EXISTS " + TABLES.get(i));
		}
		create();
	}

	private void create() {
		try {
			new ResourceDatabasePopulator(new ClassPathResource("demo/schema.sql")).execute(jdbc.getDataSource());
		}
		catch (RuntimeException ex) {
			throw new InvalidInputException("cannot create the demo tables: " + ex.getMessage(), ex);
		}
		Random random = new Random(42);
		LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
		customers(random, now);
		orders(random, now);
		accounts(random, now);
		products(random);
		recipients();
	}

	private void customers(Random random, LocalDateTime now) {
		List<Object[]> rows = new ArrayList<>();
		for (long id = 1; id <= CUSTOMERS; id++) {
			String email = "customer" + id + "@example.com";
			if (id % 20 == 3) {
				email = " Customer" + id + "@Example.com ";
			}
			rows.add(new Object[] { id, "Customer " + id, email, (id % 17 == 0) ? "SUSPENDED" : "ACTIVE",
					now.minusDays(400 - id) });
		}
		jdbc.batchUpdate("INSERT INTO customers (id, name, email, status, created_at) VALUES (?, ?, ?, ?, ?)", rows);
	}

	private void orders(Random random, LocalDateTime now) {
		List<Object[]> orders = new ArrayList<>();
		List<Object[]> items = new ArrayList<>();
		String[] statuses = { "COMPLETED", "COMPLETED", "SHIPPED", "PENDING", "CANCELLED" };
		long itemId = 1;
		for (long id = 1; id <= ORDERS + 7; id++) {
			long customer = (id > ORDERS) ? 900 + (id - ORDERS) : 1 + (id % CUSTOMERS);
			String status = statuses[random.nextInt(statuses.length)];
			LocalDateTime created = now.minusDays(60).plusMinutes(random.nextInt(60 * 24 * 55));
			LocalDateTime updated = created.plusHours(random.nextInt(48));
			if (id % 33 == 0 && id / 33 <= STUCK_ORDERS) {
				status = "PROCESSING";
				updated = now.minusDays(15 + id / 33 * 2);
				created = updated.minusDays(1);
			}
			else if (id % 97 == 5) {
				status = "PROCESSING";
				updated = now.minusDays(1 + id % 3);
				created = updated.minusHours(3);
			}
			if (updated.isAfter(now)) {
				updated = now;
			}
			BigDecimal total = BigDecimal.ZERO;
			int count = 1 + random.nextInt(3);
			for (int i = 0; i < count; i++) {
				BigDecimal price = BigDecimal.valueOf(100 + random.nextInt(9900), 2);
				int quantity = 1 + random.nextInt(4);
				items.add(new Object[] { itemId++, id, "P-" + String.format("%04d", 1 + random.nextInt(40)), quantity,
						price });
				total = total.add(price.multiply(BigDecimal.valueOf(quantity)));
			}
			orders.add(new Object[] { id, customer, status, total, created, updated });
		}
		for (long orphan = 1; orphan <= 3; orphan++) {
			items.add(new Object[] { itemId++, 9000 + orphan, "P-0001", 1, new BigDecimal("9.99") });
		}
		jdbc.batchUpdate("INSERT INTO orders (id, customer_id, status, total, created_at, updated_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?)", orders);
		jdbc.batchUpdate("INSERT INTO order_items (id, order_id, sku, quantity, price) VALUES (?, ?, ?, ?, ?)", items);
	}

	private void accounts(Random random, LocalDateTime now) {
		List<Object[]> accounts = new ArrayList<>();
		List<Object[]> entries = new ArrayList<>();
		long entryId = 1;
		for (long id = 1; id <= CUSTOMERS; id++) {
			BigDecimal sum = BigDecimal.ZERO.setScale(2, RoundingMode.UNNECESSARY);
			for (int i = 0; i < 5; i++) {
				BigDecimal amount = BigDecimal.valueOf(random.nextInt(40000) - 10000, 2);
				entries.add(new Object[] { entryId++, id, amount, (amount.signum() < 0) ? "refund" : "payment",
						now.minusDays(30 - i * 5) });
				sum = sum.add(amount);
			}
			BigDecimal balance = WRONG_BALANCES.contains(id) ? sum.add(BigDecimal.valueOf(1000 + id, 2)) : sum;
			accounts.add(new Object[] { id, id, "EUR", balance, now.minusDays(1) });
		}
		jdbc.batchUpdate("INSERT INTO accounts (id, customer_id, currency, balance, updated_at) VALUES (?, ?, ?, ?, ?)",
				accounts);
		jdbc.batchUpdate("INSERT INTO ledger_entries (id, account_id, amount, description, created_at) "
				+ "VALUES (?, ?, ?, ?, ?)", entries);
	}

	private void products(Random random) {
		String[] categories = { "books", "garden", "kitchen", "toys" };
		List<Object[]> rows = new ArrayList<>();
		for (int i = 1; i <= 40; i++) {
			rows.add(new Object[] { "P-" + String.format("%04d", i), "Product " + i, categories[i % categories.length],
					BigDecimal.valueOf(199 + random.nextInt(9800), 2), i % 10 != 0 });
		}
		jdbc.batchUpdate("INSERT INTO products (sku, name, category, price, active) VALUES (?, ?, ?, ?, ?)", rows);
	}

	private void recipients() {
		List<Object[]> rows = new ArrayList<>();
		for (long id = 1; id <= CUSTOMERS; id++) {
			rows.add(new Object[] { id, id, "customer" + id + "@example.com", "winter-sale", id % 9 != 0 });
		}
		jdbc.batchUpdate("INSERT INTO email_recipients (id, customer_id, email, campaign, consent) VALUES (?, ?, ?, ?, ?)",
				rows);
	}

}
