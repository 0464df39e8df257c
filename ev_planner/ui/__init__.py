"""Dock widgets and dialogs: they call the core or Processing and hold no domain logic."""
