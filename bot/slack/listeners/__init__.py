"""One module per listener; each has `register(app, services, settings)`."""
