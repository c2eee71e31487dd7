"""Visitors on the sites (Visitantes): tracking, geolocation, where a visit came from,
invitations, offline messages; the services and their store code."""
