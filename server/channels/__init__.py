"""Reply channels beyond the widget (C10, K1; issue 21): e-mail by IMAP and SMTP now."""
