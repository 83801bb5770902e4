package org.gridloop.notify;

/** Where a mail of the outbox stands. */
public enum MailStatus {
  /** Stored with its job; not tried yet. */
  QUEUED,
  /** A try failed; the job tries again after its back-off. */
  RETRYING,
  /** Handed to the SMTP server. */
  SENT,
  /** No SMTP server configured (demo run): written to the log instead. */
  LOGGED,
  /** Every try failed: the job has an incident; an operator may retry it in Cockpit. */
  FAILED,
  /** Its job was deleted before the mail went out. */
  CANCELLED
}
