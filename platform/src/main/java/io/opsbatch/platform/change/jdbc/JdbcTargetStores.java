package io.opsbatch.platform.change.jdbc;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.opsbatch.platform.change.TargetStore;
import io.opsbatch.platform.change.TargetStores;
import io.opsbatch.platform.change.UnknownStoreException;

/** The configured JDBC stores, by name. */
public class JdbcTargetStores implements TargetStores {

	private final Map<String, JdbcTargetStore> stores;

	public JdbcTargetStores(Map<String, JdbcTargetStore> stores) {
		this.stores = Map.copyOf(stores);
	}

	@Override
	public JdbcTargetStore get(String name) {
		JdbcTargetStore store = stores.get(name);
		if (store == null) {
			throw new UnknownStoreException(name, names());
		}
		return store;
	}

	@Override
	public Set<String> names() {
		return new TreeSet<>(stores.keySet());
	}

	/** Whether a store of this name is configured. */
	public boolean contains(String name) {
		return stores.containsKey(name);
	}

	/** All stores, for health checks and descriptions. */
	public Iterable<? extends TargetStore> all() {
		return stores.values();
	}

}
