package org.gridloop.system;

import org.gridloop.org.InvalidOrganisationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns GridLoop's own startup refusals into one clear message instead of a stack of
 * bean-creation errors.
 */
public class ClearStartupFailureAnalyzer implements FailureAnalyzer {

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidOrganisationException) {
        return new FailureAnalysis(cause.getMessage(),
            "Correct the organisation file (format in README.md, \"The organisation file\") and start again.", cause);
      }
      if (cause instanceof StartupRefusedException) {
        return new FailureAnalysis(cause.getMessage(), "See README.md, \"Configuration\".", cause);
      }
    }
    return null;
  }
}
