package org.gridloop.system;

/** A configuration GridLoop will not run with; the message says what to change. */
public class StartupRefusedException extends RuntimeException {

  public StartupRefusedException(String message) {
    super(message);
  }
}
