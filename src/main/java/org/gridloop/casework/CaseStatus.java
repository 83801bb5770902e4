package org.gridloop.casework;

/** The public status of a case (gl_case.status). */
public final class CaseStatus {

  public static final String REPORTED = "reported";
  public static final String ACCEPTED = "accepted";
  public static final String IN_PROGRESS = "inProgress";
  public static final String AWAITING_RATING = "awaitingRating";
  public static final String REJECTED = "rejected";
  public static final String CLOSED = "closed";

  private CaseStatus() {}
}
