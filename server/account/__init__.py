"""The account (Ajustes): agents, sign-in and sessions, administration, departments, working
hours, presence, the invitation e-mail."""
