package io.opsbatch.server.api;

import io.opsbatch.platform.InvalidInputException;

/** The API was asked for something that does not exist: a 404. */
public class NotFoundException extends InvalidInputException {

	public NotFoundException(String message) {
		super(message);
	}

}
