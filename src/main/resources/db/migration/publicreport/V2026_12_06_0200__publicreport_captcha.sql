-- Spent captcha tokens: an answer is accepted once, on any server, until the token expires.
CREATE TABLE public_report_captcha_used (
  nonce      varchar(32) PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
CREATE INDEX public_report_captcha_used_expiry_idx ON public_report_captcha_used (expires_at);
