"""Residents\x27 requests for a public charge point ("paal volgt wagen")."""
