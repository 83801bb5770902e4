package org.gridloop.org;

/** The organisation file cannot be used; the message names the file and the entry at fault. */
public class InvalidOrganisationException extends RuntimeException {

  public InvalidOrganisationException(String message) {
    super(message);
  }

  public InvalidOrganisationException(String message, Throwable cause) {
    super(message, cause);
  }
}
