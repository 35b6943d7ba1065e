package io.opsbatch.platform.batch;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Reads the items of one plan (or their audit records) page by page over the dense item numbering: a page is
 * {@code seq >= from AND seq < from + pageSize}. Unlike keyset paging with {@code LIMIT}, each page touches only its
 * own rows whatever the planner's statistics say about a table a dry-run has just filled (with stale statistics
 * PostgreSQL sorts every remaining row for each page). Restartable: the position after the last item handed out is
 * kept in the step's execution context and saved with each chunk.
 *
 * @param <T> the item type
 */
public class SeqRangeItemReader<T> implements ItemStreamReader<T> {

	private final String key;

	private final JdbcTemplate jdbc;

	private final String sql;

	private final Object owner;

	private final LongSupplier lastSeq;

	private final int pageSize;

	private final RowMapper<T> rowMapper;

	private final ToLongFunction<T> seqOf;

	private final Deque<T> page = new ArrayDeque<>();

	private long nextPage = 1;

	private long last;

	/**
	 * @param name the reader's name, prefix of its execution context key
	 * @param sql a query with three parameters (owner, from inclusive, to exclusive), ordered by seq
	 * @param owner the first parameter, e.g. the plan id
	 * @param lastSeq the highest seq to read, asked when the reader opens
	 * @param seqOf the position of an item
	 */
	public SeqRangeItemReader(String name, DataSource dataSource, String sql, Object owner, LongSupplier lastSeq,
			int pageSize, RowMapper<T> rowMapper, ToLongFunction<T> seqOf) {
		this.key = name + ".next-seq";
		this.jdbc = new JdbcTemplate(dataSource);
		this.sql = sql;
		this.owner = owner;
		this.lastSeq = lastSeq;
		this.pageSize = pageSize;
		this.rowMapper = rowMapper;
		this.seqOf = seqOf;
	}

	@Override
	public void open(ExecutionContext context) {
		nextPage = context.getLong(key, 1L);
		last = lastSeq.getAsLong();
		page.clear();
	}

	@Override
	public T read() {
		while (page.isEmpty() && nextPage <= last) {
			long to = Math.min(nextPage + pageSize, last + 1);
			page.addAll(jdbc.query(sql, rowMapper, owner, nextPage, to));
			nextPage = to;
		}
		return page.poll();
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(key, page.isEmpty() ? nextPage : seqOf.applyAsLong(page.peek()));
	}

}
