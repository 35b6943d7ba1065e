package io.opsbatch.platform.reconcile.jdbc;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a cursor ahead on its own thread into a bounded queue, so that two sides in two databases are read at the
 * same time while the merge consumes them. Memory is bounded by the queue's capacity; a reading error is rethrown to
 * the consumer.
 */
final class Prefetch<T> implements Iterator<T>, AutoCloseable {

	private static final Object END = new Object();

	private final BlockingQueue<Object> queue;

	private final Thread reader;

	private final JdbcCursor<T> cursor;

	private Object next;

	private volatile boolean closed;

	Prefetch(JdbcCursor<T> cursor, int capacity) {
		this.cursor = cursor;
		this.queue = new ArrayBlockingQueue<>(Math.max(16, capacity));
		this.reader = new Thread(this::readAll, "reconcile-prefetch");
		this.reader.setDaemon(true);
		this.reader.start();
	}

	private void readAll() {
		try {
			while (cursor.hasNext() && !closed) {
				put(cursor.next());
			}
			put(END);
		}
		catch (RuntimeException ex) {
			put(ex);
		}
	}

	private void put(Object item) {
		try {
			while (!closed && !queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
				// wait for the consumer, or for close
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean hasNext() {
		if (next == null) {
			try {
				next = queue.take();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while comparing", ex);
			}
			if (next instanceof RuntimeException failure) {
				throw failure;
			}
		}
		return next != END;
	}

	@Override
	@SuppressWarnings("unchecked")
	public T next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		T current = (T) next;
		next = null;
		return current;
	}

	@Override
	public void close() {
		closed = true;
		try {
			reader.join(5000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		cursor.close();
	}

}
