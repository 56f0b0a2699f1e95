-- Account recovery: a platform administrator can set a temporary password for someone who forgot
-- theirs (or whose account may be compromised). While temporary_password_expires_at is set, the
-- password in password_hash is temporary: it opens the account until that time, and then only
-- for choosing a new password. replaced_password_hash keeps the hash of the password it replaced,
-- so the new one cannot be that (possibly stolen) one again. Changing the password clears both.
alter table users add column temporary_password_expires_at timestamptz;
alter table users add column replaced_password_hash text;
