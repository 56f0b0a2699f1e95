-- Account recovery: a platform administrator can set a temporary password for someone who forgot
-- theirs (or whose account may be compromised). While this is set, the password in
-- password_hash is temporary: it opens the account until this time, and then only for choosing
-- a new password. Changing the password clears it.
alter table users add column temporary_password_expires_at timestamptz;
