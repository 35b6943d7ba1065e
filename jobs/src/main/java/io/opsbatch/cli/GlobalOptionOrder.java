package io.opsbatch.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Lets the options every command takes ({@link GlobalOptions}) come before the command name too: {@code opsbatch
 * --json runs} means {@code opsbatch runs --json}. Only options before the first command word move; everything else
 * keeps its place.
 */
final class GlobalOptionOrder {

	private GlobalOptionOrder() {
	}

	static String[] normalize(String... args) {
		List<String> leading = new ArrayList<>();
		int i = 0;
		while (i < args.length) {
			String arg = args[i];
			if (arg.equals("--json") || arg.equals("--debug") || arg.startsWith("--as=")) {
				leading.add(arg);
				i++;
			}
			else if (arg.equals("--as") && i + 1 < args.length) {
				leading.add(arg);
				leading.add(args[i + 1]);
				i += 2;
			}
			else {
				break;
			}
		}
		if (leading.isEmpty() || i == args.length) {
			return args;
		}
		List<String> normalized = new ArrayList<>(List.of(args).subList(i, args.length));
		normalized.addAll(leading);
		return normalized.toArray(String[]::new);
	}

}
