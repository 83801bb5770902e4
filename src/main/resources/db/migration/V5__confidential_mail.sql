-- Mails that carry a secret (an owner's vote code): the outbox keeps their body only until sent.
ALTER TABLE gl_mail_outbox ADD COLUMN confidential BOOLEAN DEFAULT FALSE NOT NULL;
