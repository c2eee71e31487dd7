"""Statistics (S1): the reporting log's writes (``log``), the figures computed from it
(``figures``), their queries (``repo``) and the frames that ask for them (``service``)."""
