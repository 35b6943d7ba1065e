package io.opsbatch.platform.schedule;

import io.opsbatch.platform.InvalidInputException;

/** No schedule with this name is declared. */
public class ScheduleNotFoundException extends InvalidInputException {

	public ScheduleNotFoundException(String name) {
		super("no schedule '" + name + "' (list them with: opsbatch schedules)");
	}

}
